// The corpus commands: `sitrep ingest`, `sitrep events`, `sitrep incidents`, `sitrep stats`.
// Registered on the main program by registerCorpusCommands; usage problems are InputErrors (one
// line naming the input, exit code 2), like the rest of the CLI.
import { Command, Option } from 'commander';
import { InputError } from './errors.js';
import { FAMILIES, kind as kindInfo } from './taxonomy.js';
import { country } from './store/countries.js';
import { parseBbox } from './store/geo.js';
import { dayNumber } from './store/rows.js';
import type { Filter, Page } from './store/types.js';
import { FORMATS, eventRecord, incidentRecord, writeEvents, writeIncidents, type Format } from './query/format.js';

/** As ./store/open.ts DEFAULT_DB (not imported: the store is loaded only when a command runs). */
const DEFAULT_DB = process.env.SITREP_DB || 'sitrep.db';

/** The store, loaded when a command runs: other commands need not load SQLite. */
async function openStore(path: string, opts: { readonly?: boolean }) {
  return (await import('./store/open.js')).openStore(path, opts);
}

/** Rows a table shows when --limit is not given; exports have no default limit. */
const TABLE_DEFAULT_LIMIT = 50;
const PAGE = 1000;

function positiveInt(flag: string, v: string | undefined, min = 1): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v.trim()) || Number(v) < min) throw new InputError(flag, `expected a whole number ≥ ${min}, got "${v}"`);
  return Number(v);
}

function isoDay(flag: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || dayNumber(v) === null || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v)
    throw new InputError(flag, `not a date (YYYY-MM-DD): "${v}"`);
  return v;
}

function kinds(values: string[] | undefined): string[] | undefined {
  if (!values?.length) return undefined;
  const out = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const k of out)
    if (!kindInfo(k) && !(FAMILIES as readonly string[]).includes(k))
      throw new InputError('--kind', `"${k}" is neither an event kind nor a family (see data/taxonomy.yaml; families: ${FAMILIES.join(', ')})`);
  return out;
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
  minCorroboration?: string;
  format: string;
  limit?: string;
}

/** The filter the options ask for; throws InputError on anything malformed. */
export function filterFrom(o: QueryOpts): { filter: Filter; format: Format; limit: number | undefined } {
  if (!(FORMATS as readonly string[]).includes(o.format)) throw new InputError('--format', `expected one of ${FORMATS.join(', ')}, got "${o.format}"`);
  const format = o.format as Format;
  const filter: Filter = {};
  filter.from = isoDay('--from', o.from);
  filter.to = isoDay('--to', o.to);
  if (filter.from && filter.to && filter.from > filter.to) throw new InputError('--from', `${filter.from} is after --to ${filter.to}`);
  if (o.country !== undefined) {
    const c = country(o.country);
    if (!c || !/^[A-Za-z]{2,3}$/.test(o.country.trim())) throw new InputError('--country', `not an ISO 3166-1 alpha-2 or alpha-3 code: "${o.country}"`);
    filter.country = c.alpha3;
  }
  filter.kind = kinds(o.kind);
  if (o.actor !== undefined && o.actor.trim()) filter.actor = o.actor;
  const q = o.text ?? o.q;
  if (q !== undefined && q.trim()) filter.q = q;
  if (o.bbox !== undefined) {
    const b = parseBbox(o.bbox);
    if (typeof b === 'string') throw new InputError('--bbox', b);
    filter.bbox = b;
  }
  filter.minCorroboration = positiveInt('--min-corroboration', o.minCorroboration, 0);
  const limit = positiveInt('--limit', o.limit) ?? (format === 'table' ? TABLE_DEFAULT_LIMIT : undefined);
  return { filter, format, limit };
}

/** Pages of a query until `limit` items (or the end), following cursors. */
async function* pages<T>(fetch: (f: Filter) => Promise<Page<T>>, filter: Filter, limit: number | undefined, more: { left: boolean }): AsyncIterable<T[]> {
  let cursor: string | null = null;
  let left = limit ?? Infinity;
  do {
    const p: Page<T> = await fetch({ ...filter, cursor, limit: Math.min(PAGE, left) });
    left -= p.items.length;
    cursor = p.cursor;
    yield p.items;
  } while (cursor && left > 0);
  more.left = cursor !== null;
}

function queryOptions(cmd: Command): Command {
  return cmd
    .option('--db <store>', 'the store: a SQLite file or a postgres:// URL; default $SITREP_DB or sitrep.db', DEFAULT_DB)
    .option('--from <date>', 'on or after this day (YYYY-MM-DD)')
    .option('--to <date>', 'on or before this day (YYYY-MM-DD)')
    .option('--country <code>', 'where it happened: ISO 3166-1 alpha-2 or alpha-3')
    .option('--kind <kind...>', 'event kinds or families (data/taxonomy.yaml); several, or comma-separated')
    .option('--actor <actor>', "an initiator's or target's country code, or words of an actor's name")
    .option('-q, --text <words>', 'full text: words of the evidence, actors or place ("a phrase", prefix*)')
    .addOption(new Option('--q <words>').hideHelp())
    .option('--bbox <box>', 'minLon,minLat,maxLon,maxLat')
    .option('--min-corroboration <n>', 'only incidents reported by at least n independent sources')
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
    .option('--workers <n>', 'extraction threads (default: one per core)')
    .option('--timeout <ms>', 'time limit for fetching each URL', '20000')
    .option('--queue', 'queue the inputs as jobs for `sitrep worker` processes instead (a PostgreSQL store only)')
    .action(async (paths: string[], o) => {
      if (o.queue) return (await import('./queue/cli.js')).enqueueCommand(paths, o.db, out, !!o.quiet);
      const { ingest } = await import('./ingest/run.js');
      await ingest(paths, {
        db: o.db,
        quiet: !!o.quiet,
        allowPrivate: !!o.allowPrivate,
        workers: o.workers !== undefined ? positiveInt('--workers', o.workers) : undefined,
        fetch: { timeoutMs: positiveInt('--timeout', o.timeout) },
        out,
      });
    });

  queryOptions(program.command('events').description('list or export stored events (newest first)')).action(async (o) => {
    const store = await openStore(o.db, { readonly: true });
    try {
      if (o.id !== undefined) {
        const e = await store.getEvent(positiveInt('--id', o.id)!);
        if (!e) throw new InputError(`--id ${o.id}`, 'no such event');
        out(JSON.stringify(eventRecord(e), null, 2) + '\n');
        return;
      }
      const { filter, format, limit } = filterFrom(o);
      const more = { left: false };
      await writeEvents(pages((f) => store.events(f), filter, limit, more), format, out);
      if (format === 'table' && more.left) out(`… more events: use --limit or another --format\n`);
    } finally {
      await store.close();
    }
  });

  queryOptions(program.command('incidents').description('list or export incidents: events linked across reports, with corroboration')).action(
    async (o) => {
      const store = await openStore(o.db, { readonly: true });
      try {
        if (o.id !== undefined) {
          const i = await store.getIncident(positiveInt('--id', o.id)!);
          if (!i) throw new InputError(`--id ${o.id}`, 'no such incident');
          out(JSON.stringify({ ...incidentRecord(i), members: i.members.map(eventRecord) }, null, 2) + '\n');
          return;
        }
        const { filter, format, limit } = filterFrom(o);
        const more = { left: false };
        await writeIncidents(pages((f) => store.incidents(f), filter, limit, more), format, out);
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
}
