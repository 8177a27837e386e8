// Which language a text is in, cheaply: the writing system first (Arabic, Cyrillic, CJK …, with
// letters only some languages use), then for Latin script the share of each language's commonest
// function words. Good enough to warn that a text is not English; not a general identifier.
import { data } from '../data/index.js';

interface Script {
  name: string;
  lang: string;
  markers: { lang: string; has: (c: number) => boolean }[];
}

interface Tables {
  /** sorted, non-overlapping [lo, hi, script] */
  ranges: [number, number, Script][];
  words: Map<string, string[]>;
  langs: string[];
}

let tables: Tables | null = null;

function parseRanges(spec: string): [number, number][] {
  return spec.split(',').map((r) => {
    const [a, b] = r.split('-');
    return [parseInt(a, 16), parseInt(b ?? a, 16)];
  });
}

function load(): Tables {
  if (tables) return tables;
  const ranges: [number, number, Script][] = [];
  for (const { script: name, ranges: spec, default: lang, markers } of data('normalise/scripts.tsv')) {
    const script: Script = { name, lang, markers: [] };
    for (const m of markers.split(' ').filter(Boolean)) {
      const [ml, chars] = [m.slice(0, m.indexOf(':')), m.slice(m.indexOf(':') + 1)];
      if (/^[0-9A-F]{4}-[0-9A-F]{4}(,[0-9A-F]{4}-[0-9A-F]{4})*$/.test(chars)) {
        const rs = parseRanges(chars);
        script.markers.push({ lang: ml, has: (c) => rs.some(([a, b]) => c >= a && c <= b) });
      } else {
        const set = new Set([...chars].map((ch) => ch.codePointAt(0)!));
        script.markers.push({ lang: ml, has: (c) => set.has(c) });
      }
    }
    for (const [a, b] of parseRanges(spec)) ranges.push([a, b, script]);
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const words = new Map<string, string[]>();
  const langs: string[] = [];
  for (const { lang, words: list } of data('normalise/stopwords.tsv')) {
    langs.push(lang);
    for (const w of list.split(' ').filter(Boolean)) {
      const l = words.get(w);
      if (l) l.push(lang);
      else words.set(w, [lang]);
    }
  }
  return (tables = { ranges, words, langs });
}

function scriptOf(c: number, ranges: [number, number, Script][]): Script | null {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (c < r[0]) hi = mid - 1;
    else if (c > r[1]) lo = mid + 1;
    else return r[2];
  }
  return null;
}

/** How much of the text is read: the opening is enough to name the language. */
const SAMPLE = 2000;
/** Share of the letters a non-Latin script needs to decide the language. */
const SCRIPT_SHARE = 0.4;
/** Share of a script's letters that a language's marker letters need. */
const MARKER_SHARE = 0.005;
/** Below this many words a Latin-script text without contrary evidence is taken as English. */
const FEW_WORDS = 12;
/** Share of words that must be the winning language's function words. */
const MIN_STOPWORD_SHARE = 0.08;

export interface LanguageGuess {
  /** ISO 639-1 code, or 'und' */
  code: string;
  /** how it was told: the writing system, the function words, or too little text */
  by: 'script' | 'words' | 'default';
}

export function detectLanguage(text: string): LanguageGuess {
  const t = load();
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let latin = 0;
  const perScript = new Map<Script, number>();
  for (let k = 0; k < sample.length; k++) {
    const c = sample.charCodeAt(k);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) latin++;
    else if (c >= 0x370) {
      const s = scriptOf(c, t.ranges);
      if (s) perScript.set(s, (perScript.get(s) ?? 0) + 1);
    }
  }
  let letters = latin;
  let top: Script | null = null;
  let topN = 0;
  for (const [s, n] of perScript) {
    letters += n;
    if (n > topN) (top = s), (topN = n);
  }
  if (top && topN > latin && topN >= SCRIPT_SHARE * letters) {
    const lower = sample.toLowerCase();
    for (const m of top.markers) {
      let hits = 0;
      for (let k = 0; k < lower.length; k++) if (m.has(lower.charCodeAt(k))) hits++;
      if (hits >= 2 && hits >= MARKER_SHARE * topN) return { code: m.lang, by: 'script' };
    }
    return { code: top.lang, by: 'script' };
  }

  const score = new Map<string, number>();
  let n = 0;
  // Latin letters only: this branch is reached when the text is mostly Latin script.
  for (const w of sample.toLowerCase().match(/[a-z\u00c0-\u024f\u1e00-\u1eff]+/g) ?? []) {
    n++;
    const langs = t.words.get(w);
    if (langs) for (const l of langs) score.set(l, (score.get(l) ?? 0) + 1);
  }
  let best = 'en';
  let bestN = score.get('en') ?? 0;
  for (const [l, s] of score) if (s > bestN) (best = l), (bestN = s);
  if (n < FEW_WORDS && (score.get('en') ?? 0) >= bestN) return { code: 'en', by: 'default' };
  if (bestN < 2 || bestN < MIN_STOPWORD_SHARE * n) return { code: 'und', by: 'default' };
  return { code: best, by: 'words' };
}

/** The warning for a text that is not (or not known to be) English, or null. */
export function languageWarning(code: string): string | null {
  if (code === 'en') return null;
  if (code === 'und') return 'language: und (could not be determined); extraction is tuned for English';
  return `language: ${code}, not English; extraction is tuned for English`;
}
