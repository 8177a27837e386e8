// Candidate names: runs of capitalised tokens, joined across the small words that live inside
// names ("Ministry of Foreign Affairs and Expatriates", "Bashar al-Assad", "Mohammed bin Salman",
// "Kurdistan Workers' Party") and closed by model numbers ("Sayyad 4B").
import type { Doc, Token } from '../../doc.js';
import { getLexicon, nameKey, type Lexicon } from './lexicon.js';
import { placeOf } from './gaz.js';
import { matchExact } from '../../gazetteer/index.js';

export interface Chunk {
  first: number;
  /** exclusive */
  last: number;
  /** the first token opens a sentence, so its capital letter proves nothing */
  weakStart: boolean;
  /** the first token is an ordinal ("33rd Front"), kept only if the name is an organisation */
  ordinal: boolean;
}

// Closed-class words are never part of a name even when capitalised ("The", "In", "I").
const CLOSED = new Set(['DET', 'ADP', 'PRON', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT', 'SYM', 'NUM', 'SPACE']);
// Lower-case particles inside Arabic, Persian and European names.
export const PARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'ez', 'an', 'bin', 'ibn', 'bint', 'ben', 'de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'le', 'la']);
// Persian and Urdu joining vowels after a hyphen: "Mazar-e Sharif", "Tehrik-i-Taliban".
export const EZAFE = new Set(['e', 'i', 'ye', 'ul', 'ud', 'ur']);
const ORDINAL = /^\d+(st|nd|rd|th)$/;
const CONNECTORS = new Set(['of', 'for', 'and', 'in', 'the', 'on', '&']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '-', '–', '—', ':', '•', '*']);
/**
 * No name runs longer: a longer run of capitalised words ("Al-Al-Al-…", a title-case list) is cut
 * into chunks of this many tokens. Typing a chunk looks at its sub-spans, so one chunk of
 * thousands of tokens took minutes; the longest names in the lexicon are about a dozen tokens.
 */
export const MAX_NAME_TOKENS = 24;

export function isUpperStart(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = t.text[0];
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isAllCaps(text: string): boolean {
  return text.length >= 2 && /^\p{Lu}[\p{Lu}0-9.&-]*$/u.test(text) && /\p{Lu}.*\p{Lu}/u.test(text);
}

/** True when a word is a name the lexicon knows on its own (used to trust sentence-initial words). */
function knownWord(lex: Lexicon, t: Token): boolean {
  return lex.known.has(t.lower) || lex.acronyms.has(t.text) || lex.nationalities.has(t.lower) || lex.givenNames.has(t.lower);
}

export function findChunks(doc: Doc, lowerSeen: (word: string) => boolean): Chunk[] {
  const lex = getLexicon();
  const toks = doc.tokens;
  const chunks: Chunk[] = [];
  const attached = (a: number) => a + 1 < toks.length && toks[a].end === toks[a + 1].start;

  // A capitalised word opening a sentence (or a quotation) is a name only when the tagger calls it
  // a proper noun, the article never writes it in lower case, or the lexicon knows it.
  const eligible = (k: number, initial: boolean): boolean => {
    const t = toks[k];
    if (!isUpperStart(t)) return false;
    if (CLOSED.has(t.pos) && !isAllCaps(t.text)) return false;
    if (t.text === 'I') return false;
    if (!initial) return true;
    if (knownWord(lex, t)) return true;
    return (t.pos === 'PROPN' || isAllCaps(t.text)) && !lowerSeen(t.lower);
  };
  // 2: an of-cue ("Ministry of …", which may go on with "and"); 1: a title or an organisation's
  // head word ("Minister for …", "Observatory for …"); 0: neither.
  const ofHead = (a: number, b: number): number => {
    let found = 0;
    for (let n = 1; n <= 3 && b - n >= a; n++) {
      const k = doc.text.slice(toks[b - n].start, toks[b - 1].end).toLowerCase();
      if (lex.cues.of.has(k)) return 2;
      if (lex.titleHeads.has(k) || lex.orgHeads.has(k)) found = 1;
    }
    for (let n = 1; n <= 3 && a + n <= b; n++) {
      if (lex.cues.of.has(doc.text.slice(toks[a].start, toks[a + n - 1].end).toLowerCase())) return 2;
    }
    return found;
  };
  const capAt = (k: number) => k < toks.length && toks[k].sent === toks[k - 1]?.sent && eligible(k, false);

  for (const s of doc.sentences) {
    if (heading(doc, s.first, s.last)) {
      headingChunks(doc, lex, s.first, s.last, chunks);
      continue;
    }
    let initial = true;
    let i = s.first;
    while (i < s.last) {
      const t = toks[i];
      // Most tokens are lower-case words, which never open a name (save "al-" in "al-Qaeda").
      const c0 = t.text.charCodeAt(0);
      if (c0 >= 97 && c0 <= 122 && !PARTICLES.has(t.lower)) {
        initial = false;
        i++;
        continue;
      }
      if (OPENERS.has(t.text)) {
        initial = true;
        i++;
        continue;
      }
      // "al-Qaeda", "al-Shabaab": a particle may open a name when a hyphen ties it to a capital.
      // "As Sawadiyah", "At Turbah", "Al Yasbil": a capitalised article written apart opens a
      // transliterated name; inside a sentence when the word after it is no name of its own
      // ("as" is an English word too), at a sentence's start only when the whole is a known name.
      const hyphened = PARTICLES.has(t.lower) && attached(i) && toks[i + 1].text === '-' && attached(i + 1) && capAt(i + 2);
      const apart = !hyphened && articleOpens(doc, lex, i, s.last, initial && toks[i - 1]?.text !== '(', lowerSeen);
      const particleStart = hyphened || apart;
      const ordinal = ORDINAL.test(t.lower) && capAt(i + 1);
      // A doubtful first word is tried with the name after it ("North Kivu"); classify drops it
      // again unless the whole is known.
      const doubtful = initial && isUpperStart(t) && !CLOSED.has(t.pos) && i + 1 < s.last && eligible(i + 1, false);
      if (!particleStart && !ordinal && !doubtful && !eligible(i, initial)) {
        initial = false;
        i++;
        continue;
      }
      const weakStart = initial && !particleStart;
      initial = false;
      let j = hyphened ? i + 3 : apart ? i + 2 : i + 1;
      let hasOf = false;
      let joined = false;
      while (j < s.last && j - i < MAX_NAME_TOKENS) {
        const u = toks[j];
        if (eligible(j, false)) {
          j++;
          continue;
        }
        // Hyphenated parts: "Amir-Abdollahian", "Secretary-General", "Deir ez-Zor".
        if (u.text === '-' && attached(j - 1) && attached(j) && j + 1 < s.last) {
          const v = toks[j + 1];
          if (isUpperStart(v) || /^\d/.test(v.text) || (PARTICLES.has(v.lower) && attached(j + 1) && toks[j + 2]?.text === '-')) {
            j += 2;
            continue;
          }
          if (EZAFE.has(v.lower) && (capAt(j + 2) || (toks[j + 2]?.text === '-' && capAt(j + 3)))) {
            j += toks[j + 2].text === '-' ? 3 : 2;
            continue;
          }
          break;
        }
        // Plural possessive inside a name: "Kurdistan Workers' Party".
        if ((u.text === "'" || u.text === '’') && attached(j - 1) && !attached(j) && /s$/.test(toks[j - 1].text) && capAt(j + 1)) {
          j++;
          continue;
        }
        // Persian joining vowel written apart: "Masjed e Soleyman", "Kut e Abdollah".
        if (EZAFE.has(u.text) && u.text.length <= 2 && !attached(j - 1) && !attached(j) && capAt(j + 1)) {
          j++;
          continue;
        }
        if (PARTICLES.has(u.lower) && j + 1 < s.last) {
          if (attached(j) && toks[j + 1].text === '-' && capAt(j + 2)) {
            j += 3;
            continue;
          }
          if (!attached(j) && capAt(j + 1) && u.lower !== 'at' && u.lower !== 'an' && u.lower !== 'as') {
            j++;
            continue;
          }
          break;
        }
        // Where a known name goes on: "Economic Community of West African States".
        if (CONNECTORS.has(u.lower)) {
          const prefix = `${nameKey(doc.text.slice(toks[i].start, toks[j - 1].end))} ${u.lower}`;
          const v = toks[j + 1];
          if (lex.knownPrefixes.has(prefix) && (capAt(j + 1) || (v && CONNECTORS.has(v.lower) && lex.knownPrefixes.has(`${prefix} ${v.lower}`)))) {
            j++;
            continue;
          }
        }
        // One "of" per name ("Ministry of National Defence", not "… of the Islamic Emirate"), but a
        // state may close it ("Ministry of Foreign Affairs of Ukraine").
        const state = joined && u.lower === 'of' && lex.known.get(toks[j + 1]?.lower ?? '')?.id.startsWith('gpe:') && capAt(j + 1) && !capAt(j + 2);
        if (state) {
          j += 2;
          break;
        }
        const head = (u.lower === 'of' || u.lower === 'for') && !joined ? ofHead(i, j) : 0;
        if (head) {
          joined = true;
          if (capAt(j + 1)) {
            hasOf ||= head === 2;
            j++;
            continue;
          }
          if (toks[j + 1]?.lower === 'the' && capAt(j + 2)) {
            hasOf ||= head === 2;
            j += 2;
            continue;
          }
          break;
        }
        // "Ministry of Foreign Affairs and Expatriates", "Islamic State of Iraq and the Levant".
        if ((u.lower === 'and' || u.text === '&') && hasOf) {
          const n = toks[j + 1]?.lower === 'the' ? j + 2 : j + 1;
          if (capAt(n) && !/^['’]s$/.test(toks[n + 1]?.text ?? '')) {
            j = n;
            continue;
          }
          break;
        }
        // Model numbers end a name: "Sayyad 4B", "Fateh 110"; so do road numbers: "Route 60".
        if (/^\d{1,4}$/.test(u.text) && !lex.notNames.has(toks[j - 1].lower)) {
          let e = j + 1;
          while (e < s.last && attached(e - 1) && /^[A-Z]{1,2}\d?$/.test(toks[e].text)) e++;
          if (e > j + 1 || equipmentNear(doc, lex, j, 4) || lex.cues.number.has(toks[j - 1].lower)) j = e;
        }
        break;
      }
      while (j > i + 1 && CONNECTORS.has(toks[j - 1].lower)) j--;
      chunks.push({ first: i, last: j, weakStart, ordinal });
      i = j;
    }
  }
  return chunks;
}

// Arabic articles that open a transliterated name written apart: "As Sawadiyah", "Ash Shihr".
const ARTICLES = new Set(['al', 'el', 'as', 'ash', 'at', 'ad', 'ar', 'az', 'an', 'adh', 'ath']);

/**
 * A capitalised Arabic article written apart opens a name ("As Sawadiyah", "At Turbah", "An Nazir"):
 * inside a sentence when the word after it is capitalised, no name the lexicon knows alone ("As
 * Israel pressed on") and never written in lower case by the article; at a sentence's start only
 * when the gazetteer knows the whole.
 */
function articleOpens(doc: Doc, lex: Lexicon, i: number, end: number, initial: boolean, lowerSeen: (w: string) => boolean): boolean {
  const toks = doc.tokens;
  const t = toks[i];
  const v = toks[i + 1];
  if (!ARTICLES.has(t.lower) || !/^\p{Lu}\p{Ll}{0,2}$/u.test(t.text) || i + 1 >= end || t.end === v.start) return false;
  if (!/^\p{Lu}\p{Ll}{2,}$/u.test(v.text) || lowerSeen(v.lower)) return false;
  if (initial) return placeOf(doc.text.slice(t.start, v.end)) !== null;
  return !knownWord(lex, v) && !lex.titles.has(v.lower) && !lex.cues.head.has(v.lower);
}

/** A line without a lower-case letter: a heading or a shouted headline, where capitals say nothing. */
function heading(doc: Doc, first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (/\p{Ll}/u.test(doc.tokens[k].text)) return false;
  return true;
}

/** In a heading only what the lexicon or the gazetteer knows is joined ("SAUDI ARABIA", "KHAN
 * YOUNIS"); every other word stands alone and must prove itself ("HEZBOLLAH FIRES ROCKETS AT ISRAEL"). */
function headingChunks(doc: Doc, lex: Lexicon, first: number, last: number, out: Chunk[]): void {
  const toks = doc.tokens;
  for (let i = first; i < last; i++) {
    const t = toks[i];
    if (!isUpperStart(t) || CLOSED.has(t.pos) || t.text === 'I') continue;
    let m = Math.min(6, last - i);
    for (; m > 1; m--) {
      const text = doc.text.slice(t.start, toks[i + m - 1].end);
      const key = nameKey(text);
      if (lex.known.has(key) || lex.nationalities.has(key) || (!CLOSED.has(toks[i + m - 1].pos) && matchExact(text).length > 0)) break;
    }
    out.push({ first: i, last: i + m, weakStart: true, ordinal: false });
    i += m - 1;
  }
}

/** A word about weapons within `w` tokens of token k, in the same sentence. */
export function equipmentNear(doc: Doc, lex: Lexicon, k: number, w: number): boolean {
  const toks = doc.tokens;
  const sent = toks[k].sent;
  for (let d = -w; d <= w; d++) {
    const t = toks[k + d];
    if (d !== 0 && t && t.sent === sent && lex.cues.near.has(t.lower)) return true;
  }
  return false;
}
