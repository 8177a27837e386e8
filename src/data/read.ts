// Reading one file under data/ through its zod schema. Every error names the file and the line
// and key (or column) at fault, so a mistyped key in a lexicon fails at load with a message that
// says where, instead of leaving a list silently empty.
//
// TSV files: '#' lines are comments; the first other line names the columns; a row may leave
// trailing columns out (they read as ''), never add one. Fields are trimmed.
// YAML files: schemas are strict objects, so an unknown (or misspelt) key is an error.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { DATA_DIR } from '../paths.js';

/** A data file that does not read as its schema says. */
export class DataError extends Error {
  constructor(
    /** the file, relative to the package ("data/entities/cues.tsv") */
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'DataError';
  }
}

/** How one file is read: its format and the schema of its content (a TSV's: of one row). */
export interface FileSpec<T = unknown> {
  format: 'tsv' | 'yaml';
  schema: z.ZodType<T>;
}

export const tsv = <S extends z.ZodObject>(row: S): FileSpec<z.output<S>[]> => ({ format: 'tsv', schema: row as never });
export const yaml = <S extends z.ZodType>(schema: S): FileSpec<z.output<S>> => ({ format: 'yaml', schema: schema as never });

const cache = new Map<string, unknown>();

/** The content of a data file, read once per process (a bad file throws a DataError). */
export function load<T>(name: string, spec: FileSpec<T>): T {
  let v = cache.get(name);
  if (v === undefined) cache.set(name, (v = readFile(name, spec)));
  return v as T;
}

/** Reads `name` (relative to data/) from `root` (the package's data/ unless a test says otherwise). */
export function readFile<T>(name: string, spec: FileSpec<T>, root: string = DATA_DIR): T {
  const shown = root === DATA_DIR ? `data/${name}` : join(root, name);
  let text: string;
  try {
    text = readFileSync(join(root, name), 'utf8');
  } catch (e) {
    throw new DataError(shown, `cannot be read (${(e as Error).message})`);
  }
  return spec.format === 'tsv' ? (readTsvText(shown, text, spec.schema as never) as T) : readYamlText(shown, text, spec.schema);
}

function issueText(i: z.core.$ZodIssue): string {
  if (i.code === 'unrecognized_keys') return `unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
  return i.message;
}

function readTsvText<T>(file: string, text: string, row: z.ZodObject): T[] {
  const columns = Object.keys(row.shape);
  const lines = text.split('\n');
  const out: T[] = [];
  let header: string[] | null = null;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) continue;
    const fields = line.split('\t').map((f) => f.trim());
    const at = `${file}:${n + 1}`;
    if (!header) {
      header = fields;
      const unknown = fields.filter((f) => !columns.includes(f));
      const missing = columns.filter((c) => !fields.includes(c));
      if (unknown.length || missing.length) {
        const names = (cs: string[]) => cs.slice(0, 3).map((c) => `"${c.length > 30 ? `${c.slice(0, 30)}…` : c}"`).join(', ');
        const wrong = [unknown.length ? `unknown ${names(unknown)}` : '', missing.length ? `missing ${names(missing)}` : ''].filter(Boolean);
        throw new DataError(at, `the header row must name the columns ${columns.join(', ')} (${wrong.join('; ')})`);
      }
      continue;
    }
    if (fields.length > header.length) throw new DataError(at, `${fields.length} fields, but the header names ${header.length} columns`);
    const record: Record<string, string> = {};
    header.forEach((h, i) => (record[h] = fields[i] ?? ''));
    const parsed = row.safeParse(record);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new DataError(at, `${i.path.length ? `column "${i.path.join('.')}": ` : ''}${issueText(i)} (in "${line}")`);
    }
    out.push(parsed.data as T);
  }
  if (!header) throw new DataError(file, 'no header row');
  return out;
}

function readYamlText<T>(file: string, text: string, schema: z.ZodType<T>): T {
  const raw = compiledYaml(file, text);
  if (raw !== undefined) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new DataError(`${file}:${e.linePos?.[0].line ?? '?'}`, e.message.split('\n')[0]);
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 5).map((i) => {
    const key = i.code === 'unrecognized_keys' ? [...i.path, i.keys[0]] : i.path;
    const line = lineOf(doc, lines, i.path as (string | number)[], i.code === 'unrecognized_keys' ? i.keys[0] : null);
    return `${line ? `line ${line}, ` : ''}${key.length ? `key ${key.join('.')}: ` : ''}${issueText(i)}`;
  });
  throw new DataError(file, problems.join('; '));
}

// Parsing YAML costs most of a process's start-up (≈ 0.3 s for data/, against 5 ms to read the same
// values as JSON), and every batch worker pays it. So `npm run build` stores each YAML file's parsed
// value (before validation: schemas still run on every load) with a hash of its text; a file
// edited since is parsed again. See tools/build-data.ts.
const COMPILED_YAML = fileURLToPath(new URL('./yaml.json', import.meta.url));
let compiled: Record<string, { sha1: string; value: unknown }> | null = null;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** The parsed value `npm run build` stored for this text of `file`, or undefined. */
export function compiledYaml(file: string, text: string): unknown {
  if (!compiled) {
    try {
      compiled = JSON.parse(readFileSync(COMPILED_YAML, 'utf8'));
    } catch {
      compiled = {};
    }
  }
  const c = compiled![file];
  return c && c.sha1 === sha1(text) ? c.value : undefined;
}

/** The parsed values of these YAML files under data/, keyed as compiledYaml looks them up. */
export function compileYaml(names: string[]): { file: string; json: string } {
  const out: Record<string, { sha1: string; value: unknown }> = {};
  for (const name of names) {
    const text = readFileSync(join(DATA_DIR, name), 'utf8');
    const doc = parseDocument(text);
    if (doc.errors.length) throw new DataError(`data/${name}`, doc.errors[0].message.split('\n')[0]);
    out[`data/${name}`] = { sha1: sha1(text), value: doc.toJS() };
  }
  return { file: COMPILED_YAML, json: JSON.stringify(out) };
}

/** The line of the value at `path` (or of `key` inside it), or of the nearest parent that exists. */
function lineOf(doc: Document, lines: LineCounter, path: (string | number)[], key: string | null): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (!node?.range) continue;
    if (key !== null && n === path.length && isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === key);
      const r = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      if (r) return lines.linePos(r[0]).line;
    }
    return lines.linePos(node.range[0]).line;
  }
  return null;
}
