// Numbers as reports write them: digits ("1,200"), words ("twenty-three"), "a dozen".
import { memo } from '../../memo.js';

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, a: 1, an: 1, single: 1, dozen: 12, both: 2, couple: 2, pair: 2,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6 };

/**
 * The value of one word or digit string, or null. "a"/"an" only count before a scale word.
 * Remembered: casualty counts ask it of nearly every token.
 */
export const numberWord = memo(valueOfWord, 20_000);

function valueOfWord(w: string): number | null {
  const s = w.toLowerCase().replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (Object.hasOwn(TENS, s)) return TENS[s];
  const hy = /^([a-z]+)-([a-z]+)$/.exec(s);
  if (hy && Object.hasOwn(TENS, hy[1]) && Object.hasOwn(UNITS, hy[2])) return TENS[hy[1]] + UNITS[hy[2]];
  if (Object.hasOwn(UNITS, s) && s !== 'a' && s !== 'an') return UNITS[s];
  return null;
}

/**
 * Reads a number starting at word index i of `words`; returns its value and how many words it
 * used. Handles "two hundred", "1.5 million", "a dozen", "twenty-three", "three thousand".
 */
export function readNumber(words: string[], i: number): { value: number; used: number } | null {
  const w = words[i]?.toLowerCase();
  if (w === undefined) return null;
  let value: number | null;
  let used = 1;
  if ((w === 'a' || w === 'an') && words[i + 1] && (Object.hasOwn(SCALES, words[i + 1].toLowerCase()) || words[i + 1].toLowerCase() === 'dozen')) {
    value = 1;
  } else {
    value = numberWord(w);
  }
  if (value === null) return null;
  // "twenty - three" written as three tokens
  const unit = words[i + 2]?.toLowerCase();
  if (Object.hasOwn(TENS, w) && words[i + 1] === '-' && unit && Object.hasOwn(UNITS, unit) && UNITS[unit] < 10 && UNITS[unit] > 0 && unit !== 'a' && unit !== 'an') {
    value += UNITS[unit];
    used = 3;
  }
  while (i + used < words.length) {
    const next = words[i + used].toLowerCase();
    if (Object.hasOwn(SCALES, next)) {
      value *= SCALES[next];
      used++;
    } else if (next === 'dozen') {
      value *= 12;
      used++;
    } else break;
  }
  return { value: Math.round(value), used };
}

/**
 * A number or a range of numbers at word index i: "12", "10 to 15", "10-15", "five or six",
 * "between 5 and 23". A range gives its lower bound, the most conservative figure.
 */
export function readRange(words: string[], i: number): { value: number; used: number; range: boolean } | null {
  const w = words[i]?.toLowerCase();
  if (w === undefined) return null;
  const span = /^(\d[\d,]*)[-–](\d[\d,]*)$/.exec(w);
  if (span) return { value: Math.min(numberWord(span[1])!, numberWord(span[2])!), used: 1, range: true };
  if (w === 'between') {
    const a = readNumber(words, i + 1);
    // ("between 2 to 4" too, as notes written in haste have it)
    const link = words[i + 1 + (a?.used ?? 0)]?.toLowerCase();
    const b = a && (link === 'and' || link === 'to') ? readNumber(words, i + 2 + a.used) : null;
    return a && b ? { value: Math.min(a.value, b.value), used: 2 + a.used + b.used, range: true } : null;
  }
  const a = readNumber(words, i);
  if (!a) return null;
  const link = words[i + a.used]?.toLowerCase();
  if (link === 'to' || link === 'or' || link === '-' || link === '–') {
    const b = readNumber(words, i + a.used + 1);
    // "two to three", "10 - 15", "one or two"; not "killed 5 to protest" (no number after)
    if (b && b.value > a.value) return { value: a.value, used: a.used + 1 + b.used, range: true };
  }
  // (a literal, not a spread of `a`: asked for many tokens, the spread was the function's hottest line)
  return { value: a.value, used: a.used, range: false };
}
