// Truecasing for text written without capitals (data/normalise/truecase.yaml says why and what).
// The copy it makes has the same length as the text: only ASCII letters change case, so every
// offset read from the copy is an offset into the text.
import { data } from '../../data/index.js';
import { countryByDemonym, countryByName, isPlaceName } from '../../gazetteer/index.js';

interface Lexicon {
  minWords: number;
  maxShare: number;
  minPopulation: number;
  common: Set<string>;
  lowerInside: Set<string>;
  notFirst: Set<string>;
  /** known acronyms, lower case → as written ("fmln" → "FMLN") */
  acronyms: Map<string, string>;
}

let lex: Lexicon | null = null;
function lexicon(): Lexicon {
  if (lex) return lex;
  const d = data('normalise/truecase.yaml');
  const acronyms = new Map<string, string>();
  const add = (names: string[]) => {
    for (const n of names) if (/^[A-Z]{3,}$/.test(n)) acronyms.set(n.toLowerCase(), n);
  };
  for (const g of data('actors/armed-groups.yaml').groups) add([g.name, ...g.aliases]);
  for (const o of data('actors/organizations.yaml').organizations) add([o.name, ...o.aliases]);
  for (const o of data('entities/organisations.yaml')) add([o.name, ...(o.aliases ?? [])]);
  lex = {
    minWords: d.min_words,
    maxShare: d.max_capitalised_share,
    minPopulation: d.min_population,
    common: new Set(d.common_words),
    lowerInside: new Set(d.lower_inside),
    notFirst: new Set(d.not_first),
    acronyms,
  };
  return lex;
}

const WORD = /[A-Za-z]+/g;

/** Whether a text has (almost) no capitals inside its sentences. */
export function isCaseless(text: string): boolean {
  const L = lexicon();
  // A text has at most one word per two characters: past this many capitals it is cased, however
  // long (a news report is told after a few hundred characters).
  const enough = L.maxShare * (text.length / 2);
  // First a plain count: more capitals than twice the places a sentence can open is a cased text.
  let upper = 0;
  let opens = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c === 46 || c === 33 || c === 63 || c === 58 || c === 10) opens++;
  }
  if (upper > 2 * opens + enough) return false;
  // The words are runs of ASCII letters (as WORD reads them), walked by character code: a match
  // object per word of every article was a tenth of this stage's garbage.
  let words = 0;
  let capitals = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (!isAsciiLetter(c)) {
      i++;
      continue;
    }
    const at = i++;
    while (i < n && isAsciiLetter(text.charCodeAt(i))) i++;
    words++;
    if (c > 90) continue;
    // A capital after a full stop, a colon, a line break or at the start opens a sentence.
    let k = at - 1;
    let b = k >= 0 ? text.charCodeAt(k) : -1;
    while (k >= 0 && (b === 32 || b === 9 || b === 34 || b === 40)) b = --k >= 0 ? text.charCodeAt(k) : -1;
    if (k < 0 || b === 46 || b === 33 || b === 63 || b === 58 || b === 10 || b === 13) continue;
    if (++capitals > enough) return false;
  }
  return words >= L.minWords && capitals <= words * L.maxShare;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The text with the names it knows capitalised; the same length as the text. */
export function truecase(text: string): string {
  const L = lexicon();
  const words = [...text.matchAll(WORD)].map((m) => ({ at: m.index!, w: m[0] }));
  const out = text.split('');
  const joined = (a: number, b: number) => {
    const gap = text.slice(words[a].at + words[a].w.length, words[b].at);
    return gap === ' ' || gap === '-';
  };
  for (let i = 0; i < words.length; ) {
    let used = 0;
    for (let n = Math.min(4, words.length - i); n >= 1 && !used; n--) {
      let ok = true;
      for (let k = i; k < i + n - 1 && ok; k++) ok = joined(k, k + 1);
      if (!ok) continue;
      const phrase = words
        .slice(i, i + n)
        .map((x) => x.w.toLowerCase())
        .join(' ');
      if (n === 1 && L.acronyms.has(phrase)) {
        const a = L.acronyms.get(phrase)!;
        for (let c = 0; c < a.length; c++) out[words[i].at + c] = a[c];
        used = 1;
        break;
      }
      if (L.common.has(phrase) || (n === 1 && phrase.length < 3)) continue;
      // A name starts and ends with a word of its own: not "the city of medellin" but "medellin".
      const first = words[i].w.toLowerCase();
      const end = words[i + n - 1].w.toLowerCase();
      if (n > 1 && (L.notFirst.has(first) || L.lowerInside.has(end))) continue;
      if (!(countryByName(phrase) || countryByDemonym(phrase) || isPlaceName(phrase, L.minPopulation))) continue;
      for (let k = i; k < i + n; k++) {
        const w = words[k].w.toLowerCase();
        if (k > i && L.lowerInside.has(w)) continue;
        out[words[k].at] = words[k].w[0].toUpperCase();
      }
      used = n;
    }
    i += used || 1;
  }
  return out.join('');
}
