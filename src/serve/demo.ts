// `sitrep serve --demo`: the example corpus (examples/) ingested into a temporary store.
//
// examples/manifest.jsonl gives each file's metadata ({file, outlet, published, url, title,
// license}); the articles are handed to the ingest module as one JSONL batch with that metadata,
// so the demo goes through exactly the path `sitrep ingest` takes.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { ingest, type IngestReport } from '../ingest/run.js';
import { PACKAGE_ROOT } from './static.js';

export const EXAMPLES_DIR = join(PACKAGE_ROOT, 'examples');

interface ManifestRow {
  file?: string;
  outlet?: string | null;
  published?: string | null;
  url?: string | null;
  title?: string | null;
  license?: string | null;
}

/** The example articles as ingest JSONL lines, or null when there is no manifest. */
export function manifestBatch(dir: string): string | null {
  const manifest = join(dir, 'manifest.jsonl');
  if (!existsSync(manifest)) return null;
  const lines: string[] = [];
  for (const [n, line] of readFileSync(manifest, 'utf8').split('\n').entries()) {
    if (!line.trim()) continue;
    let row: ManifestRow;
    try {
      row = JSON.parse(line) as ManifestRow;
    } catch {
      throw new InputError(`${manifest}:${n + 1}`, 'not valid JSON');
    }
    if (!row.file) continue;
    const path = resolve(dir, row.file);
    if (!existsSync(path)) throw new InputError(`${manifest}:${n + 1}`, `no such file: ${row.file}`);
    const text = readFileSync(path, 'utf8');
    const html = /\.x?html?$/i.test(row.file);
    const article: Record<string, unknown> = { id: row.file, [html ? 'html' : 'text']: text };
    for (const k of ['outlet', 'published', 'url', 'title', 'license'] as const) if (row[k]) article[k] = row[k];
    lines.push(JSON.stringify(article));
  }
  return lines.join('\n') + '\n';
}

export interface DemoStore {
  db: string;
  report: IngestReport;
  /** removes the temporary folder */
  cleanup(): void;
}

/** Ingests the examples into a new temporary SQLite file. */
export async function buildDemoStore(dir: string = EXAMPLES_DIR, opts: { workers?: number } = {}): Promise<DemoStore> {
  if (!existsSync(dir)) throw new InputError(dir, 'no examples folder (the demo needs the examples/ of the sitrep package)');
  const tmp = mkdtempSync(join(tmpdir(), 'sitrep-demo-'));
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  try {
    const db = join(tmp, 'demo.db');
    const batch = manifestBatch(dir);
    let inputs = [dir];
    if (batch !== null) {
      inputs = [join(tmp, 'examples.jsonl')];
      writeFileSync(inputs[0], batch);
    }
    const report = await ingest(inputs, { db, quiet: true, out: () => {}, workers: opts.workers ?? 2 });
    return { db, report, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}
