// Sidecar metadata: what the files themselves do not say (who published them, when, under which
// licence), written beside them.
//
//   folder/meta.json             applies to every file in the folder and its subfolders; a nearer
//                                folder's meta.json wins, field by field. For HTML pages it is a
//                                fallback: what the page itself says wins.
//   folder/report.txt.meta.json  (or report.meta.json) applies to report.txt alone, and wins over
//                                what the page says; a JSON line's or feed item's own fields win over it.
//
// Fields (all optional, strings): outlet, published (ISO 8601), license, url, title, id.
// url, title and id are only read from per-file sidecars.
import { readFileSync, existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parsePublishedOrThrow } from '../published.js';

export interface Meta {
  outlet?: string;
  published?: string;
  license?: string;
  url?: string;
  title?: string;
  id?: string;
}

const FIELDS = ['outlet', 'published', 'license', 'url', 'title', 'id'] as const;

export function isSidecar(name: string): boolean {
  return name === 'meta.json' || name.endsWith('.meta.json') || name === MANIFEST;
}

/**
 * A folder's manifest.jsonl: one JSON object per line, `{file, outlet, published, url, title,
 * license, id}`, giving one file's metadata like a per-file sidecar (the corpus in examples/ is
 * described this way). `file` is relative to the manifest's folder.
 */
export const MANIFEST = 'manifest.jsonl';
const manifests = new Map<string, Map<string, Meta> | string>();

export function manifestEntry(file: string): Meta | string | null {
  const dir = dirname(file);
  if (!manifests.has(dir)) manifests.set(dir, readManifest(join(dir, MANIFEST)));
  const m = manifests.get(dir)!;
  if (typeof m === 'string') return m;
  return m.get(basename(file)) ?? null;
}

function readManifest(path: string): Map<string, Meta> | string {
  const out = new Map<string, Meta>();
  if (!existsSync(path)) return out;
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(lines[i]);
    } catch (e) {
      return `${path}:${i + 1}: not valid JSON (${(e as Error).message})`;
    }
    if (typeof o.file !== 'string') return `${path}:${i + 1}: needs a "file" field`;
    const m: Meta = {};
    for (const f of FIELDS) if (typeof o[f] === 'string') m[f] = o[f] as string;
    // Licences in manifests are often SPDX ids; kept as written.
    if (m.published) m.published = parsePublishedOrThrow(m.published, `${path}:${i + 1}: "published"`);
    out.set(o.file, m);
  }
  return out;
}

/** Reads one sidecar; throws an Error naming the problem. */
export function readSidecar(path: string, perFile: boolean): Meta {
  let o: unknown;
  try {
    o = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`sidecar is not valid JSON (${(e as Error).message})`);
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new Error('sidecar must be a JSON object');
  const r = o as Record<string, unknown>;
  const m: Meta = {};
  for (const f of FIELDS) {
    if (r[f] === undefined || r[f] === null) continue;
    if (!perFile && (f === 'url' || f === 'title' || f === 'id')) continue;
    if (typeof r[f] !== 'string') throw new Error(`sidecar field "${f}" must be a string`);
    m[f] = r[f] as string;
  }
  if (m.published) m.published = parsePublishedOrThrow(m.published, `sidecar "published"`);
  return m;
}

/** The per-file sidecar of a file, if there is one: name.ext.meta.json, else name.meta.json. */
export function fileSidecarPath(file: string): string | null {
  const a = `${file}.meta.json`;
  if (existsSync(a)) return a;
  const ext = extname(file);
  const b = join(dirname(file), `${basename(file, ext)}.meta.json`);
  return ext && b !== file && existsSync(b) ? b : null;
}

/** Fields of `over` win over `base`. */
export function mergeMeta(base: Meta, over: Meta): Meta {
  const out: Meta = { ...base };
  for (const f of FIELDS) if (over[f] !== undefined) out[f] = over[f];
  return out;
}
