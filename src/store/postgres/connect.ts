// Connecting to the PostgreSQL store named by --db: a postgres:// URL, optionally with
// `?schema=NAME` so that several corpora (or test runs) share one database, each in its own schema.
import pg from 'pg';

export interface PgTarget {
  /** the connection settings for node-postgres, the schema parameter taken out */
  config: pg.PoolConfig;
  /** the schema the store lives in ("public" unless the URL says) */
  schema: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** The URL's settings, or an error message saying what is wrong with it. */
export function parsePgUrl(url: string): PgTarget | string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not a valid URL (expected postgres://user@host:port/database)';
  }
  if (!/^postgres(ql)?:$/i.test(u.protocol)) return 'not a postgres:// URL';
  const schema = u.searchParams.get('schema') ?? 'public';
  if (!IDENTIFIER.test(schema)) return `schema "${schema}" must be lower-case letters, digits and underscores, starting with a letter`;
  u.searchParams.delete('schema');
  return {
    schema,
    config: {
      connectionString: u.toString(),
      // Every statement of the store names its tables unqualified: they are found in its schema.
      options: `-c search_path=${schema}`,
      connectionTimeoutMillis: 10_000,
      application_name: 'sitrep',
    },
  };
}

/** The same URL in another schema (tests, and the tools that make a scratch corpus). */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

/** Drops a schema and all in it (tests, and the tools that make a scratch corpus, clean up with it). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await c.end();
  }
}
