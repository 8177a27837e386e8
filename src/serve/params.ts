// Query parameters of GET /api/events, /api/incidents and /api/facets: one list read by the zod
// parser (what the server accepts) and by the OpenAPI document (what it says it accepts), so the
// two cannot drift apart.
import { z } from 'zod';
import type { Filter } from '../store/types.js';
import { FAMILIES, kinds as taxonomyKinds } from '../taxonomy.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');

function bboxOf(s: string, ctx: z.RefinementCtx): [number, number, number, number] {
  const n = s.split(',').map((x) => Number(x.trim()));
  const ok =
    n.length === 4 &&
    n.every((x) => Number.isFinite(x)) &&
    Math.abs(n[0]) <= 180 &&
    Math.abs(n[2]) <= 180 &&
    Math.abs(n[1]) <= 90 &&
    Math.abs(n[3]) <= 90 &&
    n[1] <= n[3];
  if (!ok) ctx.addIssue({ code: 'custom', message: 'expected minLon,minLat,maxLon,maxLat (degrees; minLat ≤ maxLat)' });
  return n as [number, number, number, number];
}

export interface ParamSpec {
  name: string;
  description: string;
  /** JSON Schema of one value, for the OpenAPI document */
  schema: Record<string, unknown>;
  /** may be given more than once */
  repeat?: boolean;
}

export const FILTER_PARAMS: ParamSpec[] = [
  { name: 'country', description: 'where it happened: ISO 3166-1 alpha-2 or alpha-3', schema: { type: 'string', example: 'SY' } },
  {
    name: 'kind',
    description: 'a taxonomy kind or a kind family (battle, remote_violence, …); repeat or comma-separate for several',
    schema: { type: 'string', example: 'air_strike' },
    repeat: true,
  },
  { name: 'from', description: 'first day, inclusive (ISO date)', schema: { type: 'string', format: 'date' } },
  { name: 'to', description: 'last day, inclusive (ISO date)', schema: { type: 'string', format: 'date' } },
  { name: 'q', description: 'full-text search over evidence, actors and places ("quoted phrase", prefix*)', schema: { type: 'string' } },
  { name: 'bbox', description: 'minLon,minLat,maxLon,maxLat', schema: { type: 'string', example: '35,32,37,35' } },
  { name: 'actor', description: "an actor: a country code (initiator or target) or words of an actor's name", schema: { type: 'string' } },
  { name: 'outlet', description: 'the outlet that published the article (exact, case-insensitive)', schema: { type: 'string' } },
  {
    name: 'min_corroboration',
    description: 'only what independent sources report at least this many times',
    schema: { type: 'integer', minimum: 0 },
  },
];

export const PAGE_PARAMS: ParamSpec[] = [
  { name: 'limit', description: 'page size (1–1000, default 100)', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
  { name: 'cursor', description: "the previous page's `next`", schema: { type: 'string' } },
];

export const MAX_PAGE = 1000;

const FilterQuery = z
  .object({
    country: z.string().trim().regex(/^[A-Za-z]{2,3}$/, 'expected an ISO 3166-1 alpha-2 or alpha-3 code').optional(),
    kind: z.array(z.string().trim().regex(/^[a-z_]+(,[a-z_]+)*$/, 'expected taxonomy kinds or families, e.g. air_strike')).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    q: z.string().trim().min(1).max(500).optional(),
    bbox: z.string().transform(bboxOf).optional(),
    actor: z.string().trim().min(1).max(200).optional(),
    outlet: z.string().trim().min(1).max(200).optional(),
    min_corroboration: z.coerce.number().int().min(0).max(1000).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).optional(),
    cursor: z.string().max(500).optional(),
  })
  .strict()
  .refine((o) => !o.from || !o.to || o.from <= o.to, { message: '"from" is after "to"', path: ['from'] });

/** The filter the store understands, plus what this module filters itself (outlet). */
export interface Query {
  filter: Filter;
  outlet: string | null;
}

let known: Set<string> | null = null;
function knownKinds(): Set<string> {
  return (known ??= new Set<string>([...FAMILIES, ...taxonomyKinds().map((k) => k.name)]));
}

export class BadRequest extends Error {}

/** Parses the query string of a list request; throws BadRequest naming the first bad parameter. */
export function parseQuery(params: URLSearchParams): Query {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of params) {
    if (v === '') continue; // an empty form field means "no filter"
    if (k === 'kind') (raw.kind as string[] | undefined) ? (raw.kind as string[]).push(v) : (raw.kind = [v]);
    else if (k in raw) throw new BadRequest(`parameter "${k}" given twice`);
    else raw[k] = v;
  }
  const r = FilterQuery.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    const name = i.path.length ? String(i.path[0]) : '';
    const msg = i.code === 'unrecognized_keys' ? `unknown parameter${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.message;
    throw new BadRequest(name && i.code !== 'unrecognized_keys' ? `parameter "${name}": ${msg}` : msg);
  }
  const o = r.data;
  const filter: Filter = {};
  if (o.country) filter.country = o.country;
  if (o.kind) {
    filter.kind = o.kind.flatMap((k) => k.split(','));
    const known = knownKinds();
    const bad = filter.kind.find((k) => !known.has(k));
    if (bad) throw new BadRequest(`parameter "kind": "${bad}" is neither a kind nor a family of the taxonomy`);
  }
  if (o.from) filter.from = o.from;
  if (o.to) filter.to = o.to;
  if (o.q) filter.q = o.q;
  if (o.bbox) filter.bbox = o.bbox;
  if (o.actor) filter.actor = o.actor;
  if (o.min_corroboration !== undefined) filter.minCorroboration = o.min_corroboration;
  filter.limit = o.limit ?? 100;
  if (o.cursor) filter.cursor = o.cursor;
  return { filter, outlet: o.outlet ?? null };
}

/** A stable key for a filter without its paging, for caches. */
export function filterKey(q: Query): string {
  const { limit: _l, cursor: _c, ...rest } = q.filter;
  return JSON.stringify([rest, q.outlet?.toLowerCase() ?? null]);
}
