// What a Filter means, the same for every backend: kinds and families, country codes, an actor
// named by country code or by words, the words of a text search, date bounds, page cursors and
// limits. Each backend turns these into its own SQL (sqlite/filters.ts, postgres/filters.ts).
import { kinds as taxonomyKinds, FAMILIES } from '../taxonomy.js';
import { country } from './countries.js';
import { invalidFilter } from './errors.js';
import { dayNumber } from './rows.js';
import type { Filter } from './types.js';

export const MAX_LIMIT = 10_000;

export function pageLimit(f: Filter): number {
  return Math.max(1, Math.min(MAX_LIMIT, f.limit ?? 100));
}

/** One term of a text search: a word, a "quoted phrase" (words in a row), or a word* prefix. */
export interface SearchTerm {
  words: string[];
  phrase: boolean;
  prefix: boolean;
}

/**
 * What a user typed, as terms that must all occur: words are runs of letters and digits (anything
 * else, operators and quotes included, only separates them), "quoted phrases" stay phrases, and a
 * trailing * makes the last word of its token a prefix. Empty when nothing searchable was typed.
 */
export function searchTerms(q: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(q))) {
    if (m[1] !== undefined) {
      const words = m[1].match(/[\p{L}\p{N}]+/gu);
      if (words) terms.push({ words, phrase: true, prefix: false });
    } else {
      const words = m[2].match(/[\p{L}\p{N}]+/gu) ?? [];
      words.forEach((w, k) => terms.push({ words: [w], phrase: false, prefix: k === words.length - 1 && m![2].endsWith('*') }));
    }
  }
  return terms;
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
