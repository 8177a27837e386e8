// The filter of event and incident queries, once, for every door into the store: the CLI
// (`sitrep events|incidents --from … `), the API (`/api/events?from=…`), the OpenAPI document
// and the web UI (which shows the API's messages). One table of parameters; one zod schema made
// from it, so the same input is refused with the same message wherever it comes from. Each door
// names the input its own way ("--from" on the command line, "from" in a query string); the
// problem that follows is the same text.
import { z } from 'zod';
import { NUMERIC_OPTIONS, wholeNumber } from '../options.js';
import { country } from '../store/countries.js';
import { parseBbox } from '../store/geo.js';
import { dayNumber, dayToIso } from '../store/rows.js';
import type { Filter } from '../store/types.js';
import { FAMILIES, kind as kindInfo } from '../taxonomy.js';
import { parseSearch, SearchSyntaxError } from './search.js';

/** Export formats of the CLI; the API serves all but `table`. */
export const FORMATS = ['table', 'json', 'ndjson', 'csv', 'geojson'] as const;
export type Format = (typeof FORMATS)[number];
export const API_FORMATS = ['json', 'ndjson', 'csv', 'geojson'] as const satisfies readonly Format[];

/** Items per API page at most (exports have no such bound). */
export const MAX_PAGE = 1000;
export const DEFAULT_PAGE = 100;

export interface FilterParam {
  /** the query-string name */
  name: string;
  /** the command-line option (commander syntax), when the CLI has it */
  flag?: string;
  description: string;
  /** JSON Schema of one value, for the OpenAPI document */
  schema: Record<string, unknown>;
  /** may be given more than once */
  repeat?: boolean;
}

export const FILTER_PARAMS: FilterParam[] = [
  { name: 'country', flag: '--country <code>', description: 'where it happened: ISO 3166-1 alpha-2 or alpha-3', schema: { type: 'string', pattern: '^[A-Za-z]{2,3}$', example: 'SY' } },
  {
    name: 'kind',
    flag: '--kind <kind...>',
    description: 'event kinds or families (data/taxonomy.yaml: air_strike, battle, remote_violence, …); repeat or comma-separate for several',
    schema: { type: 'string', example: 'air_strike' },
    repeat: true,
  },
  { name: 'from', flag: '--from <date>', description: 'on or after this day (YYYY-MM-DD)', schema: { type: 'string', format: 'date' } },
  { name: 'to', flag: '--to <date>', description: 'on or before this day (YYYY-MM-DD)', schema: { type: 'string', format: 'date' } },
  {
    name: 'q',
    flag: '-q, --text <words>',
    description: 'full text over evidence, actors and places: every word must occur (stemmed: "kill" finds "killed"); "a phrase"; prefix*; place and actor names also find their other spellings (Kiev → Kyiv)',
    schema: { type: 'string', maxLength: 500 },
  },
  { name: 'bbox', flag: '--bbox <box>', description: 'minLon,minLat,maxLon,maxLat (degrees; minLon > maxLon crosses the antimeridian)', schema: { type: 'string', example: '35,32,37,35' } },
  { name: 'actor', flag: '--actor <actor>', description: "an initiator's or target's country code, or words of an actor's name (aliases too: IDF)", schema: { type: 'string', maxLength: 200 } },
  { name: 'outlet', flag: '--outlet <name>', description: 'the outlet that published the article (exact, any case)', schema: { type: 'string', maxLength: 200 } },
  {
    name: 'min_corroboration',
    flag: '--min-corroboration <n>',
    description: 'only what independent sources report at least this many times',
    schema: { type: 'integer', minimum: 0 },
  },
];

export const PAGE_PARAMS: FilterParam[] = [
  {
    name: 'limit',
    flag: '--limit <n>',
    description: `at most n items: a page of 1–${MAX_PAGE} (default ${DEFAULT_PAGE}); with format, the whole export (default: all)`,
    schema: { type: 'integer', minimum: 1 },
  },
  { name: 'cursor', description: "the previous page's `next`", schema: { type: 'string', maxLength: 500 } },
  {
    name: 'format',
    description: `json, ndjson, csv (ACLED columns and claims) or geojson: every match as one download (the same bytes as \`sitrep events --format …\`); without it, one page as {items, next}`,
    schema: { type: 'string', enum: [...API_FORMATS] },
  },
];

/** A value the schema refuses, with the sentence that says why. */
function check<T>(read: (v: string) => T | { problem: string }) {
  return z.string().transform((v, ctx) => {
    const r = read(v);
    if (r && typeof r === 'object' && 'problem' in r) {
      ctx.addIssue({ code: 'custom', message: r.problem });
      return z.NEVER;
    }
    return r as T;
  });
}

function isoDay(v: string): string | { problem: string } {
  // Date.UTC takes 2024-02-30 for March 1st: the day must read back as itself.
  const day = /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayNumber(v) : null;
  const ok = day !== null && dayToIso(day) === v;
  return ok ? v : { problem: `not a date (YYYY-MM-DD): "${v}"` };
}

function kinds(v: string[]): string[] | { problem: string } {
  const out = v.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
  for (const k of out)
    if (!kindInfo(k) && !(FAMILIES as readonly string[]).includes(k))
      return { problem: `"${k}" is neither an event kind nor a family (see data/taxonomy.yaml; families: ${FAMILIES.join(', ')})` };
  return out;
}

function searchWords(v: string): string | { problem: string } {
  try {
    parseSearch(v);
    return v;
  } catch (e) {
    if (e instanceof SearchSyntaxError) return { problem: e.message };
    throw e;
  }
}

const FilterSchema = z
  .strictObject({
    country: check((v) => {
      const c = /^[A-Za-z]{2,3}$/.test(v) ? country(v) : undefined;
      return c ? c.alpha3 : { problem: `not an ISO 3166-1 alpha-2 or alpha-3 code: "${v}"` };
    }).optional(),
    kind: z
      .array(z.string())
      .transform((v, ctx) => {
        const r = kinds(v);
        if (Array.isArray(r)) return r;
        ctx.addIssue({ code: 'custom', message: r.problem });
        return z.NEVER;
      })
      .optional(),
    from: check(isoDay).optional(),
    to: check(isoDay).optional(),
    q: check((v) => (v.length > 500 ? { problem: 'longer than 500 characters' } : searchWords(v))).optional(),
    bbox: check((v) => {
      const b = parseBbox(v);
      return typeof b === 'string' ? { problem: b } : b;
    }).optional(),
    actor: check((v) => (v.length > 200 ? { problem: 'longer than 200 characters' } : /^[A-Za-z]{2,3}$/.test(v) && country(v) ? v : searchWords(v))).optional(),
    outlet: check((v) => (v.length > 200 ? { problem: 'longer than 200 characters' } : v)).optional(),
    // The command line's option schema (../options.ts): one reading of numbers for both doors.
    min_corroboration: wholeNumber(NUMERIC_OPTIONS['--min-corroboration'].min, NUMERIC_OPTIONS['--min-corroboration'].max).optional(),
    limit: wholeNumber(NUMERIC_OPTIONS['--limit'].min, NUMERIC_OPTIONS['--limit'].max).optional(),
    cursor: check((v) => (v.length > 500 ? { problem: 'not a cursor from this server' } : v)).optional(),
    format: check((v) => ((FORMATS as readonly string[]).includes(v) ? (v as Format) : { problem: `expected one of ${FORMATS.join(', ')}, got "${v}"` })).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.from && o.to && o.from > o.to) ctx.addIssue({ code: 'custom', path: ['from'], message: `${o.from} is after the last day asked for (to: ${o.to})` });
  });

/** A query as every door reads it: the store's filter, the outlet (filtered over the store's pages), and paging. */
export interface ParsedFilter {
  filter: Filter;
  outlet: string | null;
  limit: number | undefined;
  cursor: string | undefined;
  format: Format | undefined;
}

/** A refused input: which parameter (by its query-string name), and the problem. */
export class FilterError extends Error {
  constructor(
    readonly param: string | null,
    readonly problem: string,
  ) {
    super(param ? `${param}: ${problem}` : problem);
    this.name = 'FilterError';
  }
}

/**
 * Parses raw values (strings as typed; `kind` may be a list). Blank values count as not given (an
 * empty form field means "no filter"). Throws FilterError naming the first bad parameter.
 */
export function parseFilter(raw: Record<string, string | string[] | undefined>): ParsedFilter {
  const clean: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      const vs = v.map((x) => x.trim()).filter(Boolean);
      if (vs.length) clean[k] = k === 'kind' ? vs : vs[vs.length - 1];
    } else if (v.trim()) clean[k] = k === 'kind' ? [v.trim()] : v.trim();
  }
  const r = FilterSchema.safeParse(clean);
  if (!r.success) {
    const i = r.error.issues[0];
    if (i.code === 'unrecognized_keys') throw new FilterError(null, `unknown parameter${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`);
    throw new FilterError(i.path.length ? String(i.path[0]) : null, i.message);
  }
  const o = r.data;
  const filter: Filter = {};
  if (o.country) filter.country = o.country;
  if (o.kind?.length) filter.kind = o.kind;
  if (o.from) filter.from = o.from;
  if (o.to) filter.to = o.to;
  if (o.q) filter.q = o.q;
  if (o.bbox) filter.bbox = o.bbox;
  if (o.actor) filter.actor = o.actor;
  if (o.min_corroboration !== undefined) filter.minCorroboration = o.min_corroboration;
  return { filter, outlet: o.outlet ?? null, limit: o.limit, cursor: o.cursor, format: o.format };
}

/** The command-line flag of a parameter ("min_corroboration" → "--min-corroboration"), for messages. */
export function flagOf(param: string): string {
  const p = [...FILTER_PARAMS, ...PAGE_PARAMS].find((x) => x.name === param);
  const long = p?.flag?.match(/--[\w-]+/)?.[0];
  return long ?? `--${param.replace(/_/g, '-')}`;
}
