// What a Filter means, the same for every backend: kinds and families, country codes, an actor
// named by country code or by words, the words of a text search, date bounds, page cursors and
// limits. Each backend turns these into its own SQL (sqlite/filters.ts, postgres/filters.ts).
import { kinds as taxonomyKinds, FAMILIES } from '../taxonomy.js';
import { country } from './countries.js';
import { invalidFilter } from './errors.js';
import { dayNumber } from './rows.js';
import type { Filter } from './types.js';
import { actorOnlyAliases, textAliases } from '../query/aliases.js';
import { parseSearch, SearchSyntaxError, withAliases, type Search } from '../query/search.js';

export type { Search };

export const MAX_LIMIT = 10_000;

export function pageLimit(f: Filter): number {
  return Math.max(1, Math.min(MAX_LIMIT, f.limit ?? 100));
}

/**
 * What a user typed as a text search (`q`, or an actor given by name), in the one syntax every
 * backend reads (../query/search.ts: words that must all occur, "phrases", prefix*; names widened
 * to their other spellings). Syntax it does not support is the caller's fault: invalid_filter.
 * Each backend renders the clauses in its own engine's terms (sqlite/filters.ts, postgres/filters.ts).
 */
export function searchQuery(q: string, mode: 'text' | 'actor' = 'text'): Search {
  try {
    return withAliases(parseSearch(q), mode === 'actor' ? actorOnlyAliases : textAliases);
  } catch (e) {
    if (e instanceof SearchSyntaxError) throw invalidFilter('', `${mode === 'actor' ? 'actor' : 'q'}: ${e.message}`);
    throw e;
  }
}

export function kindValues(k: string | string[] | undefined): { kinds: string[]; families: string[] } | null {
  if (k === undefined) return null;
  const values = (Array.isArray(k) ? k : [k]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (!values.length) return null;
  const fams = new Set<string>(FAMILIES);
  return { kinds: values.filter((v) => !fams.has(v)), families: values.filter((v) => fams.has(v)) };
}

/** Kinds of the given families, plus the given kinds: one IN list the kind indexes can use. */
export function expandKinds(kv: { kinds: string[]; families: string[] }): string[] {
  const out = new Set(kv.kinds);
  if (kv.families.length) for (const k of taxonomyKinds()) if (kv.families.includes(k.family)) out.add(k.name);
  return [...out];
}

/** The column and value a country filter compares: alpha-3 when the code or name is known. */
export function countryCodes(c: string): { col: 'country3' | 'country2'; value: string } {
  const found = country(c);
  if (found) return { col: 'country3', value: found.alpha3 };
  const v = c.trim().toUpperCase();
  return v.length === 2 ? { col: 'country2', value: v } : { col: 'country3', value: v };
}

/** The country an actor filter names by code ("RUS", "ru"), or undefined when it is words of a name. */
export function actorCountry(actor: string): string | undefined {
  return actor.trim().length <= 3 ? country(actor)?.alpha3 : undefined;
}

export function encodeCursor(day: number | null, id: number): string {
  return Buffer.from(`${day ?? 'n'}:${id}`).toString('base64url');
}

/** A cursor's position; one this store did not make is the caller's fault (invalid_filter). */
export function decodeCursor(c: string): { day: number | null; id: number } {
  const m = /^(n|-?\d+):(\d+)$/.exec(Buffer.from(c, 'base64url').toString());
  if (!m) throw invalidFilter('', `not a cursor from this store: "${c}"`);
  return { day: m[1] === 'n' ? null : Number(m[1]), id: Number(m[2]) };
}

/** A filter's date bounds as day numbers, checked: events and incidents read them the same way. */
export function dayBounds(f: Filter): { from: number | null; to: number | null } {
  const from = dayNumber(f.from);
  const to = dayNumber(f.to);
  if (f.from !== undefined && from === null) throw invalidFilter('', `"from" is not an ISO date: ${f.from}`);
  if (f.to !== undefined && to === null) throw invalidFilter('', `"to" is not an ISO date: ${f.to}`);
  return { from, to };
}
