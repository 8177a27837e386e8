// Page furniture that is not the article, recognised by its text (data/normalise/boilerplate.tsv)
// or by the class and id names of its element (data/normalise/boilerplate-classes.tsv).
import { data } from '../data/index.js';

export interface TextRule {
  id: string;
  maxWords: number;
  re: RegExp;
  example: string;
  keep: string | null;
}

let rules: TextRule[] | null = null;
let classWords: Set<string> | null = null;

export function textRules(): TextRule[] {
  return (rules ??= data('normalise/boilerplate.tsv').map(({ id, max_words, pattern, example, keep }) => ({
    id,
    maxWords: max_words,
    re: new RegExp(pattern, 'iu'),
    example,
    keep: keep && keep !== '-' ? keep : null,
  })));
}

export function classRules(): { word: string; example: string }[] {
  return data('normalise/boilerplate-classes.tsv').map(({ word, example }) => ({ word, example }));
}

export function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let k = 0; k < s.length; k++) {
    const ws = s.charCodeAt(k) <= 32 || s[k] === '\u00a0';
    if (!ws && !inWord) n++;
    inWord = !ws;
  }
  return n;
}

/** The id of the boilerplate rule a paragraph matches, or null when it is article text. */
export function boilerplateRule(paragraph: string, words = wordCount(paragraph)): string | null {
  const t = paragraph.trim();
  for (const r of textRules()) if (words <= r.maxWords && r.re.test(t)) return r.id;
  return null;
}

/** Whether a class or id attribute names page furniture ("c-share-bar", "relatedArticles"). */
export function furnitureName(attr: string | null | undefined): string | null {
  if (!attr) return null;
  classWords ??= new Set(classRules().map((r) => r.word));
  const parts = attr
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  for (let k = 0; k < parts.length; k++) {
    if (k + 1 < parts.length && classWords.has(parts[k] + parts[k + 1])) return parts[k] + parts[k + 1];
    if (classWords.has(parts[k])) return parts[k];
  }
  return null;
}
