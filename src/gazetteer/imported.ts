// The gazetteer a user imports (`sitrep gazetteer add`, import.ts): GeoNames dumps in an on-disk
// SQLite index, consulted beside the embedded one. Nothing of it is held in memory but SQLite's page
// cache and the rows a look-up returns, so a 12-million-row dump costs start-up only the open.
//
// Where it is: $SITREP_GAZETTEER, else sitrep-gazetteer.db in the working directory (beside the
// default store, sitrep.db), used when the file exists. SITREP_GAZETTEER= (empty) turns it off.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';

export const DEFAULT_INDEX = 'sitrep-gazetteer.db';
export const SCHEMA_VERSION = 1;

/** A place of the imported index, with how the looked-up name reached it. */
export interface ImportedRow {
  id: number;
  name: string;
  lat: number;
  lon: number;
  /** GeoNames feature class and code ("P", "PPL"; "A", "ADM2") */
  fclass: string;
  fcode: string;
  cc: string;
  /** first-order division's name (the embedded index's name for it when the import could join them) */
  a1: string | null;
  /** second-order division's name */
  a2: string | null;
  pop: number;
  /** reached only by an alternate name */
  alt: boolean;
}

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS place (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
  fclass TEXT NOT NULL, fcode TEXT NOT NULL, cc TEXT NOT NULL, a1code TEXT NOT NULL, a2code TEXT NOT NULL,
  pop INTEGER NOT NULL, synthetic INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS name (key TEXT NOT NULL, fold TEXT NOT NULL, id INTEGER NOT NULL, alt INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS admin1 (cc TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (cc, code)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin2 (cc TEXT NOT NULL, a1code TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, id INTEGER NOT NULL,
  PRIMARY KEY (cc, a1code, code)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS source (file TEXT NOT NULL, kind TEXT NOT NULL, rows INTEGER NOT NULL, kept INTEGER NOT NULL, seconds REAL NOT NULL, at TEXT NOT NULL);
`;
/** Built after the bulk insert (faster than maintaining them row by row). */
export const INDEXES = `
CREATE INDEX IF NOT EXISTS name_key ON name (key);
CREATE INDEX IF NOT EXISTS name_fold ON name (fold);
`;

// One query per look-up: the ids a key leads to, with the place row when the index has one (an id
// without one is an alternate name of a place only the embedded gazetteer has).
const LOOKUP = `
SELECT n.id, n.alt, p.name, p.lat, p.lon, p.fclass, p.fcode, p.cc, p.pop, a1.name AS a1, a2.name AS a2
FROM (SELECT id, min(alt) AS alt FROM name WHERE %COL% = ? GROUP BY id LIMIT 400) n
LEFT JOIN place p ON p.id = n.id
LEFT JOIN admin1 a1 ON a1.cc = p.cc AND a1.code = p.a1code
LEFT JOIN admin2 a2 ON a2.cc = p.cc AND a2.a1code = p.a1code AND a2.code = p.a2code`;

export class ImportedIndex {
  private db: Database.Database;
  private stmts: { key: Database.Statement; fold: Database.Statement };
  constructor(readonly path: string) {
    try {
      this.db = new Database(path, { readonly: true, fileMustExist: true });
    } catch (e) {
      throw new InputError(path, `cannot open the gazetteer index (${(e as Error).message})`);
    }
    const v = this.meta('schema');
    if (v !== String(SCHEMA_VERSION)) {
      this.db.close();
      throw new InputError(path, `not a sitrep gazetteer index of schema ${SCHEMA_VERSION} (found ${v ?? 'none'}); import again with \`sitrep gazetteer add\``);
    }
    this.stmts = { key: this.db.prepare(LOOKUP.replace('%COL%', 'key')), fold: this.db.prepare(LOOKUP.replace('%COL%', 'fold')) };
  }
  meta(k: string): string | undefined {
    try {
      return (this.db.prepare('SELECT v FROM meta WHERE k = ?').get(k) as { v: string } | undefined)?.v;
    } catch {
      return undefined;
    }
  }
  /**
   * What a key (tier 'key') or folded key (tier 'fold') leads to: the index's own places, and the
   * GeoNames ids it has only alternate names for (places of the embedded gazetteer).
   */
  lookup(tier: 'key' | 'fold', k: string): { rows: ImportedRow[]; ids: { id: number; alt: boolean }[] } {
    const rows: ImportedRow[] = [];
    const ids: { id: number; alt: boolean }[] = [];
    for (const r of this.stmts[tier].all(k) as (Omit<ImportedRow, 'alt'> & { alt: number; name: string | null })[]) {
      if (r.name === null) ids.push({ id: r.id, alt: r.alt === 1 });
      else rows.push({ ...r, alt: r.alt === 1 });
    }
    return { rows, ids };
  }
  status(): Record<string, unknown> {
    const count = (t: string) => (this.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    const byClass = this.db.prepare('SELECT fclass, count(*) AS n FROM place GROUP BY fclass ORDER BY n DESC').all() as { fclass: string; n: number }[];
    return {
      path: this.path,
      places: count('place'),
      names: count('name'),
      admin1: count('admin1'),
      admin2: count('admin2'),
      byClass: Object.fromEntries(byClass.map((r) => [r.fclass, r.n])),
      sources: this.db.prepare('SELECT file, kind, rows, kept, seconds, at FROM source ORDER BY at').all(),
    };
  }
  close(): void {
    this.db.close();
  }
}

let current: ImportedIndex | null | undefined;

/** The path the imported index is read from, or null when none is configured or present. */
export function importedIndexPath(): string | null {
  const env = process.env.SITREP_GAZETTEER;
  if (env === '') return null;
  const p = resolve(env ?? DEFAULT_INDEX);
  return existsSync(p) ? p : null;
}

/** The imported index in use (opened on first use), or null. */
export function importedIndex(): ImportedIndex | null {
  if (current === undefined) {
    const p = importedIndexPath();
    current = p ? new ImportedIndex(p) : null;
  }
  return current;
}

/** Use this index file (or none) from now on; the gazetteer's caches must be cleared by the caller. */
export function setImportedIndex(path: string | null): void {
  current?.close();
  current = path ? new ImportedIndex(path) : null;
}
