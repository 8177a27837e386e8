// Roles of people, read from titles and appositions:
//   "Prime Minister Benjamin Netanyahu"             → "Prime Minister" (in the name's chunk)
//   "Iran's deputy defense minister Hamzeh Qalandari" → "deputy defense minister", IRN
//   "Hamzeh Qalandari, Iran's deputy defense minister for international affairs, has…"
//                                                    → "deputy defense minister for international affairs", IRN
// The country (a possessive state or a demonym) is kept apart from the role text.
import type { Doc, Token } from '../../doc.js';
import { nameKey, type Lexicon } from './lexicon.js';
import { isUpperStart } from './chunks.js';
import { placeOf } from './gaz.js';

export interface Role {
  text: string;
  country: string | null;
  /** how much to trust it: apposition 3, lower-case title before the name 2, capitalised title 1 */
  rank: number;
}

const CLOSED_POS = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART']);
const CLOSERS = new Set([',', '.', ';', ')', '—', '–', ':', '”', '"', 'who', 'which', 'whose', 'whom']);
const POSSESSIVE = /^['’]s?$/;

/** Alpha-3 of a state named by tokens [a, b), by name or demonym; null if none. */
export function stateOf(doc: Doc, lex: Lexicon, a: number, b: number): string | null {
  if (a < 0 || b <= a) return null;
  const toks = doc.tokens;
  const text = doc.text.slice(toks[a].start, toks[b - 1].end);
  const k = lex.acronyms.get(text) ?? lex.known.get(nameKey(text));
  if (k && (k.type === 'GPE' || k.type === 'ORG')) return k.country;
  return lex.nationalities.get(text.toLowerCase())?.country ?? null;
}

/** The state in a possessive ending just before token k: "Iran’s", "Saudi Arabia's". */
export function possessiveBefore(doc: Doc, lex: Lexicon, k: number): string | null {
  const toks = doc.tokens;
  const p = k - 1;
  if (p < 1 || !POSSESSIVE.test(toks[p].text) || toks[p].sent !== toks[k]?.sent) return null;
  for (let a = p - 1; a >= Math.max(0, p - 3); a--) {
    if (!isUpperStart(toks[a])) break;
    const c = stateOf(doc, lex, a, p);
    if (c) return c;
  }
  return null;
}

function isHead(lex: Lexicon, t: Token): boolean {
  if (!lex.titleHeads.has(t.lower)) return false;
  // "major", "general", "private" are adjectives far more often than titles in lower case.
  return lex.titles.get(t.lower) !== 'adjective' || t.pos === 'NOUN' || t.pos === 'PROPN';
}

/** A title phrase right before a name ("deputy defense minister Hamzeh …", "RSF leader Mohamed
 * Hamdan Dagalo"), or closed by a comma ("The Commissioner for Information, Alhaji …"). A demonym
 * or possessive state at its left edge gives the country and stays out of the role. */
export function roleBefore(doc: Doc, lex: Lexicon, first: number): Role | null {
  const toks = doc.tokens;
  let k = first - 1;
  let rank = 2;
  if (k >= 0 && toks[k].text === ',') {
    k--;
    rank = 3;
  }
  if (k < 0 || toks[k].sent !== toks[first].sent) return null;
  // Without a comma the title touches the name ("… minister Hamzeh …"): most names have none.
  if (rank === 2 && !isHead(lex, toks[k])) return null;
  const sent = toks[k].sent;
  let start = k + 1;
  let country: string | null = null;
  let head = false;
  while (start - 1 >= 0 && k - start < 6) {
    const t = toks[start - 1];
    if (t.sent !== sent) break;
    if (t.text === '-' && toks[start - 2]?.end === t.start && t.end === toks[start]?.start) {
      start -= 2;
      continue;
    }
    if (isUpperStart(t)) {
      if (CLOSED_POS.has(t.pos)) break;
      const nat = lex.nationalities.get(t.lower);
      const state = nat ? null : stateOf(doc, lex, start - 1, start);
      if (nat || (state && lex.known.get(t.lower)?.type === 'GPE')) {
        country = nat?.country ?? state;
        break;
      }
    } else if (!/^[a-z]/.test(t.text) || !(t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN' || ((t.lower === 'of' || t.lower === 'for') && start <= k))) break;
    head ||= isHead(lex, t);
    start--;
  }
  while (start <= k && (toks[start].lower === 'of' || toks[start].lower === 'for')) start++;
  if (!head || start > k) return null;
  country ??= possessiveBefore(doc, lex, start) ?? countryIn(doc, lex, start, k + 1);
  return { text: doc.text.slice(toks[start].start, toks[k].end), country, rank };
}

/** The state of a capitalised name inside a role: "Sderot mayor" → ISR, "RSF leader" → SDN. */
function countryIn(doc: Doc, lex: Lexicon, a: number, b: number): string | null {
  const toks = doc.tokens;
  for (let k = a; k < b; k++) {
    if (!isUpperStart(toks[k]) || lex.titles.has(toks[k].lower)) continue;
    let e = k + 1;
    while (e < b && isUpperStart(toks[e]) && !lex.titles.has(toks[e].lower)) e++;
    const name = doc.text.slice(toks[k].start, toks[e - 1].end);
    if (lex.known.has(nameKey(name)) || lex.acronyms.has(name)) return stateOf(doc, lex, k, e);
    const p = e - k > 1 || !lex.notAlone.has(toks[k].lower) ? placeOf(name) : null;
    if (p?.strong) return p.country;
    k = e - 1;
  }
  return null;
}

/** An apposition after a name: ", [the|a|X's|Iranian] … head noun … ," */
export function roleAfter(doc: Doc, lex: Lexicon, last: number): Role | null {
  const toks = doc.tokens;
  if (toks[last]?.text !== ',') return null;
  const sent = toks[last].sent;
  let p = last + 1;
  let country: string | null = null;
  const inSent = (k: number) => k < toks.length && toks[k].sent === sent;
  if (!inSent(p)) return null;
  if (toks[p].pos === 'DET' || /^(its|his|her|their|our)$/.test(toks[p].lower)) p++;
  else {
    // "Iran's deputy …": a capitalised possessor that names a state.
    for (let q = p; q < p + 3 && inSent(q + 1); q++) {
      if (!isUpperStart(toks[q])) break;
      if (POSSESSIVE.test(toks[q + 1].text)) {
        country = stateOf(doc, lex, p, q + 1);
        if (!country) return null;
        p = q + 2;
        break;
      }
    }
  }
  if (inSent(p) && lex.nationalities.has(toks[p].lower)) {
    country = lex.nationalities.get(toks[p].lower)!.country ?? country;
    p++;
  }
  let q = p;
  let head = false;
  while (inSent(q) && q - p < 12) {
    const t = toks[q];
    if (CLOSERS.has(t.text)) break;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON' || t.pos === 'SCONJ') return null;
    if (isHead(lex, t)) head = true;
    q++;
  }
  if (!head || q === p) return null;
  if (inSent(q) && !CLOSERS.has(toks[q].text)) return null;
  country ??= countryIn(doc, lex, p, q);
  return { text: doc.text.slice(toks[p].start, toks[q - 1].end), country, rank: 3 };
}

/** The better of two roles: a higher rank wins, the first one seen wins a tie. */
export function better(a: Role | null | undefined, b: Role | null | undefined): Role | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return b.rank > a.rank ? b : a;
}
