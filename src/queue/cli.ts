// The job queue on the command line: `sitrep ingest --queue` (enqueue; wired in ../corpus-cli.ts)
// and `sitrep worker`. Both need a PostgreSQL store: the queue lives in its schema.
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { numericOption } from '../options.js';
import { isPostgresUrl } from '../store/open.js';
import type { PgStore } from '../store/postgres/store.js';

function needsPostgres(db: string | undefined, what: string): asserts db is string {
  if (!db) throw new InputError('--db', `${what} needs a PostgreSQL store: give --db postgres://user@host:port/database, or set SITREP_DB`);
  if (!isPostgresUrl(db)) throw new InputError(`--db ${db}`, `${what} needs a PostgreSQL store (--db postgres://user@host:port/database, or SITREP_DB): the job queue lives there`);
}

/** The PostgreSQL store (its faults are StoreErrors, which the CLI reports). */
async function openPg(db: string): Promise<PgStore> {
  const { PgStore } = await import('../store/postgres/store.js');
  return PgStore.open(db);
}

/** `sitrep ingest --queue PATHS`: the inputs as jobs for `sitrep worker`. */
export async function enqueueCommand(paths: string[], db: string, out: (s: string) => void, quiet = false): Promise<void> {
  needsPostgres(db, '`sitrep ingest --queue`');
  const { enqueueInputs, formatEnqueueReport } = await import('./enqueue.js');
  const store = await openPg(db);
  try {
    const r = await enqueueInputs(paths, store);
    if (!quiet) out(formatEnqueueReport(r, db));
  } finally {
    await store.close();
  }
}

export function registerWorkerCommand(program: Command, out: (s: string) => void, defaultDb: string | undefined): void {
  program
    .command('worker')
    .description('take ingest jobs from the queue in a PostgreSQL store (`sitrep ingest --queue`): extract, store, link')
    .option('--db <url>', 'the PostgreSQL store (postgres://user@host:port/database[?schema=name])', defaultDb)
    .addOption(numericOption('--concurrency <n>', 'jobs at once, each extracted on a thread of its own', 1))
    .option('--drain', 'stop once the queue is empty instead of waiting for more jobs')
    .addOption(numericOption('--retry-delay <ms>', 'wait before retrying a failed job (then 4×, …; a job fails 3 times at most)', 2000))
    .option('--allow-private', 'allow URLs that resolve to private, loopback or link-local addresses')
    .addOption(numericOption('--timeout <ms>', 'time limit for fetching each URL', 20000))
    .action(async (o: { db?: string; concurrency: number; drain?: boolean; retryDelay: number; allowPrivate?: boolean; timeout: number }) => {
      needsPostgres(o.db, '`sitrep worker`');
      const { concurrency, retryDelay: retryDelayMs, timeout: timeoutMs } = o;
      const { formatWorkerReport, runWorker } = await import('./worker.js');
      const store = await openPg(o.db);
      // SIGTERM / Ctrl-C: no new jobs; those in hand are finished and committed.
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
      try {
        const r = await runWorker(store, o.db, { concurrency, drain: !!o.drain, retryDelayMs, fetch: { timeoutMs, allowPrivate: !!o.allowPrivate }, signal: stop.signal });
        out(formatWorkerReport(r));
      } finally {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
        await store.close();
      }
    });
}
