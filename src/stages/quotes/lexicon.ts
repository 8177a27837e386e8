// The quotes stage's language knowledge, read once from data/quotes/*.tsv.
import { readFileSync } from 'node:fs';
import { PACKAGE_URL } from '../../paths.js';

const DATA = new URL('data/quotes/', PACKAGE_URL);

/** Rows of a TSV file: comment lines (#) and the header row are skipped. */
function rows(file: string): string[][] {
  const lines = readFileSync(new URL(file, DATA), 'utf8').split('\n');
  const out: string[][] = [];
  let header = true;
  for (const line of lines) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (header) {
      header = false;
      continue;
    }
    out.push(line.split('\t').map((f) => f.trim()));
  }
  return out;
}

export interface SpeechForm {
  lemma: string;
  /** a word that must follow ("according" → "to"), or null */
  next: string | null;
  /** where the speaker stands: before the verb only (X told Y), either side (X said / said X), or after (according to X) */
  order: 'before' | 'either' | 'after';
  /** only a quotation right beside the verb is attributed by it, never words deeper in its sentence */
  near: boolean;
  /** the bare lemma form or a third-person -s / -ing form, which can also be a noun ("claims", "warning") */
  nounLike: boolean;
}

export type ReferenceClass = 'person' | 'group' | 'any' | 'indefinite' | 'document';

export interface Lexicon {
  /** lower-case surface form → speech verb readings */
  speech: Map<string, SpeechForm[]>;
  /** naming cues as lower-case word lists, keyed by their last word */
  naming: Map<string, string[][]>;
  reference: Map<string, ReferenceClass>;
  links: Set<string>;
  minor: Set<string>;
}

let cached: Lexicon | null = null;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const speech = new Map<string, SpeechForm[]>();
  for (const [lemma, forms, next, order, reach] of rows('speech-verbs.tsv')) {
    for (const form of forms.split(',')) {
      const f = form.trim().toLowerCase();
      const nounLike = f === lemma || f.endsWith('s') || f.endsWith('ing');
      const list = speech.get(f) ?? [];
      const entry: SpeechForm = {
        lemma,
        next: next ? next.toLowerCase() : null,
        order: order === 'after' || order === 'either' ? order : 'before',
        near: reach === 'near',
        nounLike,
      };
      // "called for" must be tried before plain "called"
      if (entry.next) list.unshift(entry);
      else list.push(entry);
      speech.set(f, list);
    }
  }
  const naming = new Map<string, string[][]>();
  for (const [cue] of rows('naming-cues.tsv')) {
    const words = cue.toLowerCase().split(/\s+/);
    const last = words[words.length - 1];
    naming.set(last, [...(naming.get(last) ?? []), words]);
  }
  const reference = new Map<string, ReferenceClass>();
  for (const [word, cls] of rows('reference-words.tsv')) reference.set(word.toLowerCase(), cls as ReferenceClass);
  const links = new Set<string>();
  const minor = new Set<string>();
  for (const [word, cls] of rows('phrase-words.tsv')) (cls === 'link' ? links : minor).add(word.toLowerCase());
  cached = { speech, naming, reference, links, minor };
  return cached;
}
