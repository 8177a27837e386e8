// The search syntax of `q` (and of `actor` words), one for the CLI, the API and every store:
// words (all must occur), "quoted phrases", and prefix* (at least two letters before the star).
// Anything else that looks like an operator — a lone or leading *, an unclosed quote, parentheses,
// OR / AND / NOT / NEAR, -word, field: — is refused with a message rather than silently read as
// words. A store renders the parsed query in its own engine's syntax (toFts5 for SQLite's FTS5).
//
// Names have several spellings: a word or run of words that the gazetteer knows as a place, or
// the actor lexicon as an actor, also matches the place's or actor's other names ("Kiev" finds
// Kyiv, "IDF" finds the Israel Defense Forces). See ./aliases.ts.

/** One phrase of one or more words; `prefix`: the last word is a prefix. */
export interface Term {
  words: string[];
  prefix: boolean;
}

/** Terms any of which may match (a name and its other spellings). */
export interface Clause {
  any: Term[];
}

/** Clauses that must all match. */
export type Search = Clause[];

export class SearchSyntaxError extends Error {}

const WORD = /[\p{L}\p{N}]+/gu;
const OPERATORS = new Set(['OR', 'AND', 'NOT', 'NEAR']);
/** A prefix shorter than this would match a large part of any index. */
const MIN_PREFIX = 2;

/** The words of a text, as typed (the case matters to name look-ups: "IDF" is not "idf"). */
function wordsOf(s: string): string[] {
  return s.match(WORD) ?? [];
}

const keyOf = (words: string[]) => words.join(' ').toLowerCase();

/** Parses what a user typed; throws SearchSyntaxError saying what is not supported. */
export function parseSearch(q: string): Search {
  const out: Search = [];
  const re = /"([^"]*)("?)|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(q))) {
    if (m[1] !== undefined) {
      if (!m[2]) throw new SearchSyntaxError('a quote (") is not closed: put a phrase between two quotes');
      const words = wordsOf(m[1]);
      if (words.length) out.push({ any: [{ words, prefix: false }] });
      continue;
    }
    const tok = m[3];
    if (tok.includes('"')) throw new SearchSyntaxError(`"${tok}": quotes go around a whole phrase ("air strike")`);
    if (OPERATORS.has(tok)) throw new SearchSyntaxError(`${tok} is not supported: every word must occur; use "…" for a phrase and word* for a prefix`);
    if (/[()]/.test(tok)) throw new SearchSyntaxError(`"${tok}": parentheses are not supported: every word must occur`);
    if (/^[-+]\S/.test(tok)) throw new SearchSyntaxError(`"${tok}": a leading ${tok[0]} is not supported: every word must occur`);
    if (/^[\p{L}_]+:/u.test(tok)) throw new SearchSyntaxError(`"${tok}": field filters (name:) are not supported: use the filter of that name`);
    const star = tok.indexOf('*');
    if (star >= 0 && (star !== tok.length - 1 || tok === '*'))
      throw new SearchSyntaxError(`"${tok}": * only ends a word, as a prefix (strik*)`);
    const words = wordsOf(tok);
    const prefix = star >= 0;
    if (prefix && (!words.length || words[words.length - 1].length < MIN_PREFIX))
      throw new SearchSyntaxError(`"${tok}": a prefix needs at least ${MIN_PREFIX} letters before the *`);
    // "al-Bab", "Ma'arrat": the parts of one token stay together, as a phrase.
    if (words.length) out.push({ any: [{ words, prefix }] });
  }
  if (!out.length) throw new SearchSyntaxError(`no words to search for in "${q}"`);
  return out;
}

/** Other names of a name (a place's or an actor's), without the name itself. */
export type AliasSource = (name: string) => string[];

/** Longest run of words looked up as one name. */
const MAX_NAME_WORDS = 4;
/** Spellings added per name at most. */
const MAX_ALIASES = 6;

/**
 * The query with every name that `aliases` knows widened to its other spellings: runs of plain
 * words (longest first), quoted phrases as they are. Prefixes are not looked up.
 */
export function withAliases(s: Search, aliases: AliasSource): Search {
  const out: Search = [];
  const plain = (c: Clause | undefined) => !!c && c.any.length === 1 && !c.any[0].prefix;
  for (let i = 0; i < s.length; ) {
    let done = false;
    for (let n = Math.min(MAX_NAME_WORDS, s.length - i); n >= 1 && !done; n--) {
      const run = s.slice(i, i + n);
      if (!run.every(plain)) continue;
      const words = run.flatMap((c) => c.any[0].words);
      const own = words.join(' ');
      const seen = new Set([keyOf(words)]);
      const more: Term[] = [];
      for (const a of aliases(own)) {
        const w = wordsOf(a);
        const k = keyOf(w);
        if (!w.length || seen.has(k) || more.length >= MAX_ALIASES) continue;
        seen.add(k);
        more.push({ words: w, prefix: false });
      }
      if (!more.length && n > 1) continue;
      out.push({ any: [{ words, prefix: false }, ...more] });
      i += n;
      done = true;
    }
    if (!done) out.push(s[i++]);
  }
  return out;
}

function fts5Term(t: Term): string {
  return `"${keyOf(t.words)}"${t.prefix ? '*' : ''}`;
}

/** The query in SQLite FTS5's syntax: clauses ANDed, alternatives ORed (an explicit AND: FTS5 allows no implicit one after a parenthesis). */
export function toFts5(s: Search): string {
  return s.map((c) => (c.any.length === 1 ? fts5Term(c.any[0]) : `(${c.any.map(fts5Term).join(' OR ')})`)).join(' AND ');
}
