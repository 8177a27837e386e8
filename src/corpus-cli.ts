// The corpus commands: `sitrep ingest`, `sitrep events`, `sitrep incidents`, `sitrep stats`.
// Registered on the main program by registerCorpusCommands; usage problems are InputErrors (one
// line naming the input, exit code 2), like the rest of the CLI.
import { parseTimeLimit } from './budget.js';
import { Command, Option } from 'commander';
import { InputError } from './errors.js';
import { numericOption } from './options.js';
import { FILTER_PARAMS, FilterError, flagOf, parseFilter } from './query/filter.js';
import { movedIdsOf, parseId, storeId, type ItemKind } from './query/ids.js';
import { exportPages, listEvents, listFullIncidents, type Query } from './query/list.js';
import { FORMATS, eventRecord, incidentRecord, writeEvents, writeIncidents, type Format } from './query/format.js';

/** As ./store/open.ts DEFAULT_DB (not imported: the store is loaded only when a command runs). */
const DEFAULT_DB = process.env.SITREP_DB || 'sitrep.db';

/** The store, loaded when a command runs: other commands need not load SQLite. */
async function openStore(path: string, opts: { readonly?: boolean }) {
  return (await import('./store/open.js')).openStore(path, opts);
}

/** Rows a table shows when --limit is not given; exports have no default limit. */
const TABLE_DEFAULT_LIMIT = 50;

/**
 * An item by the id a user gave (an opaque string, as the API takes it); an old id the store knows
 * moved is followed, with a note on stderr. InputError when there is no such item.
 */
async function byId<T>(store: object, kind: ItemKind, given: string, get: (n: number) => Promise<T | null>): Promise<T> {
  const id = parseId(given);
  if (id === null) throw new InputError('--id', `not an id: "${given}"`);
  const n = storeId(id);
  const found = n === null ? null : await get(n);
  if (found) return found;
  const to = await movedIdsOf(store)?.moved(kind, id);
  const m = to ? storeId(to) : null;
  const moved = m === null ? null : await get(m);
  if (!moved) throw new InputError(`--id ${given}`, `no such ${kind}`);
  process.stderr.write(`sitrep: ${kind} ${given} is now ${to}\n`);
  return moved;
}

/** Stores up to this size are checked (PRAGMA quick_check) before events or incidents are listed; `stats` checks any. */
const CHECK_BEFORE_READ_BYTES = 256 * 1048576;

/**
 * A warning on stderr when the store is damaged: what a read shows of it may be incomplete or
 * wrong, and SQLite notices damage only on the pages a query happens to touch.
 */
async function warnIfDamaged(store: object, db: string, always: boolean): Promise<void> {
  const s = store as { quickCheck?: () => string[]; path?: string };
  if (typeof s.quickCheck !== 'function' || !s.path) return;
  if (!always) {
    const { statSync } = await import('node:fs');
    if (statSync(s.path).size > CHECK_BEFORE_READ_BYTES) return;
  }
  const problems = s.quickCheck();
  if (problems.length)
    process.stderr.write(`sitrep: warning: ${db} is damaged (${problems[0]}${problems.length > 1 ? `; ${problems.length - 1} more` : ''}): what follows may be incomplete; run \`sitrep doctor --db ${db}\`\n`);
}

interface QueryOpts {
  from?: string;
  to?: string;
  country?: string;
  kind?: string[];
  actor?: string;
  text?: string;
  q?: string;
  bbox?: string;
  outlet?: string;
  minCorroboration?: string;
  format: string;
  limit?: string;
}

/** The query the options ask for, read by the filter schema the API uses too; throws InputError naming the option. */
export function filterFrom(o: QueryOpts): { query: Query; format: Format; limit: number | undefined } {
  let p;
  try {
    p = parseFilter({
      country: o.country,
      kind: o.kind,
      from: o.from,
      to: o.to,
      q: o.text ?? o.q,
      bbox: o.bbox,
      actor: o.actor,
      outlet: o.outlet,
      min_corroboration: o.minCorroboration,
      limit: o.limit,
      format: o.format,
    });
  } catch (e) {
    if (e instanceof FilterError) throw new InputError(e.param ? flagOf(e.param) : 'options', e.problem);
    throw e;
  }
  const format = p.format ?? 'table';
  return { query: { filter: p.filter, outlet: p.outlet }, format, limit: p.limit ?? (format === 'table' ? TABLE_DEFAULT_LIMIT : undefined) };
}

function queryOptions(cmd: Command): Command {
  cmd.option('--db <store>', 'the store: a SQLite file or a postgres:// URL; default $SITREP_DB or sitrep.db', DEFAULT_DB);
  // The filter's options and their help come from the table the API's parameters come from.
  for (const p of FILTER_PARAMS) cmd.option(p.flag!, p.description);
  return cmd
    .addOption(new Option('--q <words>').hideHelp())
    .option('--format <format>', `${FORMATS.join(' | ')}`, 'table')
    .option('--limit <n>', `at most n rows (table default: ${TABLE_DEFAULT_LIMIT}; exports: all)`)
    .option('--id <id>', 'print one, in full, as JSON');
}

export function registerCorpusCommands(program: Command, out: (s: string) => void): void {
  program
    .command('ingest')
    .description('read files, folders, feeds, WARC archives or URLs into the corpus database (idempotent, resumable)')
    .argument('<paths...>', 'files, folders, or http(s) feed/page URLs')
    .option('--db <store>', 'the store: a SQLite file (created when missing) or a postgres:// URL; default $SITREP_DB or sitrep.db', DEFAULT_DB)
    .option('--quiet', 'no progress and no report')
    .option('--allow-private', 'allow URLs that resolve to private, loopback or link-local addresses')
    .addOption(numericOption('--workers <n>', 'extraction threads (default: one per core; 0: this thread)'))
    .addOption(numericOption('--timeout <ms>', 'time limit for fetching each URL', 20000))
    .option('--time-limit <seconds>', 'seconds one article may take to extract before it is rejected (0: no limit)', '10')
    .option('--queue', 'queue the inputs as jobs for `sitrep worker` processes instead (a PostgreSQL store only)')
    .action(async (paths: string[], o) => {
      if (o.queue) return (await import('./queue/cli.js')).enqueueCommand(paths, o.db, out, !!o.quiet);
      const { ingest } = await import('./ingest/run.js');
      await ingest(paths, {
        db: o.db,
        quiet: !!o.quiet,
        allowPrivate: !!o.allowPrivate,
        workers: o.workers,
        fetch: { timeoutMs: o.timeout },
        timeLimit: parseTimeLimit(o.timeLimit),
        out,
      });
    });

  queryOptions(program.command('events').description('list or export stored events (newest first)')).action(async (o) => {
    // Options are checked before the store is opened: a bad --limit is the message, not a missing store.
    const { query, format, limit } = filterFrom(o);
    const store = await openStore(o.db, { readonly: true });
    try {
      await warnIfDamaged(store, o.db, false);
      if (o.id !== undefined) {
        const e = await byId(store, 'event', o.id, (n) => store.getEvent(n));
        out(JSON.stringify(eventRecord(e), null, 2) + '\n');
        return;
      }
      const more = { left: false };
      await writeEvents(exportPages((q) => listEvents(store, q), query, limit, more), format, out);
      if (format === 'table' && more.left) out(`… more events: use --limit or another --format\n`);
    } finally {
      await store.close();
    }
  });

  queryOptions(program.command('incidents').description('list or export incidents: events linked across reports, with corroboration')).action(
    async (o) => {
      const { query, format, limit } = filterFrom(o);
      const store = await openStore(o.db, { readonly: true });
      try {
        await warnIfDamaged(store, o.db, false);
        if (o.id !== undefined) {
          const i = await byId(store, 'incident', o.id, (n) => store.getIncident(n));
          out(JSON.stringify({ ...incidentRecord(i), members: i.members.map(eventRecord) }, null, 2) + '\n');
          return;
        }
        const more = { left: false };
        await writeIncidents(exportPages((q) => listFullIncidents(store, q), query, limit, more), format, out);
        if (format === 'table' && more.left) out(`… more incidents: use --limit or another --format\n`);
      } finally {
        await store.close();
      }
    },
  );

  program
    .command('stats')
    .description('count what the database holds')
    .option('--db <store>', 'the store: a SQLite file or a postgres:// URL; default $SITREP_DB or sitrep.db', DEFAULT_DB)
    .option('--format <format>', 'table | json', 'table')
    .action(async (o) => {
      if (o.format !== 'table' && o.format !== 'json') throw new InputError('--format', `expected table or json, got "${o.format}"`);
      const store = await openStore(o.db, { readonly: true });
      try {
        await warnIfDamaged(store, o.db, true);
        const s = await store.stats();
        if (o.format === 'json') out(JSON.stringify(s, null, 2) + '\n');
        else {
          const { queue, ...counts } = s;
          out(Object.entries(counts).map(([k, v]) => `${k.padEnd(12)} ${v}`).join('\n') + '\n');
          // The job queue of a PostgreSQL store, and what failed for good (the dead-letter table).
          if (queue) {
            out(`jobs queued  ${queue.queued}\njobs running ${queue.running}\njobs failed  ${queue.dead} (dead letters: failed 3 times)\n`);
            for (const d of queue.deadLetters) out(`  ${d.at} ${d.source}: ${d.error} (${d.attempts} attempts)\n`);
          }
        }
      } finally {
        await store.close();
      }
    });

  program
    .command('doctor')
    .description("check a store for damage (SQLite: integrity_check and foreign_key_check) and say what to do")
    .option('--db <store>', 'the store: a SQLite file or a postgres:// URL; default $SITREP_DB or sitrep.db', DEFAULT_DB)
    .action(async (o: { db: string }) => {
      const { doctor } = await import('./store/doctor.js');
      const r = await doctor(o.db);
      out(r.report);
      if (!r.sound) process.exitCode = 1;
    });
}
