// PostgreSQL for tests: the server named by SITREP_TEST_PG (.ci/run sets it; this project's machines
// run one at the default below), a fresh schema per store made and dropped by each test, and the
// tests reported as skipped, with the reason, when no server answers: never as passed.
import { describe, it } from 'node:test';
import pg from 'pg';
import { dropSchema, parsePgUrl, withSchema } from './connect.js';
import { migrate } from './migrations.js';

export const PG_TEST_URL = process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Schemas left by a test run that was killed are dropped by a later one after this long. */
const STALE_MS = 6 * 3600_000;
const PREFIX = 'sitrep_test_';

let probe: Promise<string | null> | undefined;

/** null when a server answers at PG_TEST_URL; otherwise why the PostgreSQL tests are skipped. */
export function pgUnavailable(): Promise<string | null> {
  probe ??= (async () => {
    if (!PG_TEST_URL || /^(off|no|0|false)$/i.test(PG_TEST_URL)) return 'PostgreSQL tests skipped: SITREP_TEST_PG is off';
    const c = new pg.Client({ connectionString: PG_TEST_URL, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      await sweep(c);
      return null;
    } catch (e) {
      return `PostgreSQL tests skipped: no server answers at ${PG_TEST_URL} (SITREP_TEST_PG): ${(e as Error).message || (e as NodeJS.ErrnoException).code}`;
    } finally {
      await c.end().catch(() => {});
    }
  })();
  return probe;
}

/** Drops test schemas older than STALE_MS (their name carries their birth time). */
async function sweep(c: pg.Client): Promise<void> {
  const { rows } = await c.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE '${PREFIX}%'`);
  for (const { nspname } of rows as { nspname: string }[]) {
    const born = parseInt(nspname.slice(PREFIX.length).split('_')[0], 36);
    if (Number.isFinite(born) && Date.now() - born > STALE_MS) await c.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`).catch(() => {});
  }
}

let made = 0;

/** A store URL in a schema of its own (created by the store on open), and a cleanup that drops it. */
export function tempSchema(): { url: string; schema: string; cleanup: () => Promise<void> } {
  const schema = `${PREFIX}${Date.now().toString(36)}_${process.pid}_${made++}`;
  return {
    schema,
    url: withSchema(PG_TEST_URL, schema),
    cleanup: () => dropSchema(PG_TEST_URL, schema),
  };
}

/**
 * A describe() that runs when a PostgreSQL server answers, and otherwise one test reported as
 * skipped with the reason (a skipped describe alone is not counted as a skipped test).
 */
export async function pgDescribe(name: string, fn: () => void): Promise<void> {
  const why = await pgUnavailable();
  if (why) it(name, { skip: why }, () => {});
  else describe(name, fn);
}

/**
 * Runs fn with n connections to a fresh, migrated schema of its own (dropped afterwards): for
 * tests of what lives beside the store in PostgreSQL (migrations, the job queue).
 */
export async function withSchemaClients<T>(n: number, fn: (cs: pg.Client[], schema: { url: string; schema: string }) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const t = tempSchema();
  const target = parsePgUrl(t.url);
  if (typeof target === 'string') throw new Error(target);
  const cs = Array.from({ length: n }, () => new pg.Client(target.config));
  try {
    await Promise.all(cs.map((c) => c.connect()));
    if (opts.migrate !== false) await migrate(cs[0], t.schema);
    return await fn(cs, t);
  } finally {
    await Promise.all(cs.map((c) => c.end().catch(() => {})));
    await t.cleanup();
  }
}
