// The quotes stage's language knowledge, read once from data/quotes/*.tsv.
import { data } from '../../data/index.js';

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
  for (const { lemma, forms, next, order, reach } of data('quotes/speech-verbs.tsv')) {
    for (const form of forms.split(',')) {
      const f = form.trim().toLowerCase();
      const nounLike = f === lemma || f.endsWith('s') || f.endsWith('ing');
      const list = speech.get(f) ?? [];
      const entry: SpeechForm = {
        lemma,
        next: next ? next.toLowerCase() : null,
        order,
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
  for (const { cue } of data('quotes/naming-cues.tsv')) {
    const words = cue.toLowerCase().split(/\s+/);
    const last = words[words.length - 1];
    naming.set(last, [...(naming.get(last) ?? []), words]);
  }
  const reference = new Map<string, ReferenceClass>();
  for (const r of data('quotes/reference-words.tsv')) reference.set(r.word.toLowerCase(), r.class);
  const links = new Set<string>();
  const minor = new Set<string>();
  for (const r of data('quotes/phrase-words.tsv')) (r.class === 'link' ? links : minor).add(r.word.toLowerCase());
  cached = { speech, naming, reference, links, minor };
  return cached;
}
