// `sitrep doctor --db X`: is the store sound, and if not, what to do. SQLite: integrity_check and
// foreign_key_check over the whole file; PostgreSQL: the checks of its store (check()), damaged
// pages being the server's to report.
import { existsSync } from 'node:fs';
import { pushAll } from '../arrays.js';
import { displayName, isStoreError } from './errors.js';
import { isPostgresUrl, openStore } from './open.js';

export interface DoctorReport {
  sound: boolean;
  /** what to print: the finding and, when damaged, what to do */
  report: string;
}

/** At most this many problems are listed (SQLite may find thousands on one bad page). */
const LISTED = 20;

function sqliteAdvice(db: string): string[] {
  return [
    'What to do:',
    `  1. Keep a copy of ${db} (and of ${db}-wal, if there is one) before trying anything else.`,
    '  2. Ingest your inputs again into a new store: ingest is idempotent, and the inputs are the source of the articles:',
    `       sitrep ingest <your folders, files or feeds> --db new.db`,
    '  3. Or save what SQLite can still read, then check the copy:',
    `       sqlite3 ${db} .recover | sqlite3 recovered.db && sitrep doctor --db recovered.db`,
  ];
}

export async function doctor(db: string): Promise<DoctorReport> {
  const name = displayName(db);
  const pg = isPostgresUrl(db);
  if (!pg && !existsSync(db)) return { sound: false, report: `${name}: no such store\n` };
  let store;
  try {
    store = await openStore(db, { readonly: !pg });
  } catch (e) {
    // A file SQLite cannot even open as a database: that is the finding.
    if (isStoreError(e, 'corrupt')) return { sound: false, report: `${name}: damaged: ${e.problem.replace(/; run `sitrep doctor[^`]*`/, '')}\n${sqliteAdvice(name).join('\n')}\n` };
    throw e;
  }
  try {
    const problems = await store.check();
    if (!problems.length) {
      const s = await store.stats();
      return { sound: true, report: `${name}: sound (${pg ? 'consistency checks' : 'integrity_check and foreign_key_check'} ok; ${s.articles} articles, ${s.events} events)\n` };
    }
    const lines = [`${name}: damaged: ${problems.length} problem${problems.length > 1 ? 's' : ''} found`];
    for (const p of problems.slice(0, LISTED)) lines.push(`  ${p}`);
    if (problems.length > LISTED) lines.push(`  … and ${problems.length - LISTED} more`);
    if (pg) lines.push('What to do: keep a dump of the schema (pg_dump), then ingest the inputs again into a new schema; see the server log for damaged pages.');
    else pushAll(lines, sqliteAdvice(name));
    return { sound: false, report: lines.join('\n') + '\n' };
  } finally {
    await store.close();
  }
}
