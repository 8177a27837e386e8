// Query parameters of GET /api/events, /api/incidents and /api/facets, read with the filter schema
// the CLI uses too (../query/filter.ts): the same input gets the same answer and the same message.
import { API_FORMATS, FilterError, MAX_PAGE, DEFAULT_PAGE, parseFilter, type Format } from '../query/filter.js';
import type { Query } from '../query/list.js';

export { FILTER_PARAMS, PAGE_PARAMS, MAX_PAGE, type FilterParam as ParamSpec } from '../query/filter.js';
export type { Query } from '../query/list.js';

/** A bad request: the message names the parameter (`from: not a date …`). */
export class BadRequest extends Error {}

export interface ApiQuery extends Query {
  /** an export format (?format= or a suffix like .csv); null: one JSON page */
  format: Exclude<Format, 'table'> | null;
  /** with a format: how many items at most (undefined: all) */
  limit: number | undefined;
}

/**
 * Parses the query string of a list request; throws BadRequest naming the first bad parameter.
 * `format` comes from the path's suffix (/api/events.csv) when there is one.
 */
export function parseQuery(params: URLSearchParams, suffixFormat: string | null = null): ApiQuery {
  const raw: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    if (!v.trim()) continue; // an empty form field means "no filter"
    if (k === 'kind') ((raw.kind as string[] | undefined) ??= []).push(v);
    else if (k in raw) throw new BadRequest(`${k}: given twice`);
    else raw[k] = v;
  }
  if (suffixFormat) {
    if (raw.format !== undefined && raw.format !== suffixFormat) throw new BadRequest(`format: "${raw.format}" contradicts the path's .${suffixFormat}`);
    raw.format = suffixFormat;
  }
  let p;
  try {
    p = parseFilter(raw);
  } catch (e) {
    if (e instanceof FilterError) throw new BadRequest(e.message);
    throw e;
  }
  const format = p.format ?? null;
  if (format === 'table') throw new BadRequest(`format: expected one of ${API_FORMATS.join(', ')}, got "table"`);
  if (format && p.cursor) throw new BadRequest('cursor: an export (format) holds every match; it is not paged');
  if (!format && p.limit !== undefined && p.limit > MAX_PAGE)
    throw new BadRequest(`limit: at most ${MAX_PAGE} per page, got "${p.limit}" (an export with format= has no such bound)`);
  const filter = { ...p.filter, limit: format ? p.limit : (p.limit ?? DEFAULT_PAGE) };
  if (p.cursor) filter.cursor = p.cursor;
  return { filter, outlet: p.outlet, format, limit: p.limit };
}

/** A stable key for a filter without its paging, for caches. */
export function filterKey(q: Query): string {
  const { limit: _l, cursor: _c, ...rest } = q.filter;
  return JSON.stringify([rest, q.outlet?.toLowerCase() ?? null]);
}
