// Named entities: people, organisations, places, nationalities and equipment, with the country
// each belongs to, the roles of people, and one entity per real thing in the article.
// Candidate names come from capitalisation over the token layer (chunks), are typed from data
// in data/entities/ and the gazetteer (classify), given roles (roles) and grouped (coref).
import type { Doc, Stage } from '../../doc.js';
import { findChunks } from './chunks.js';
import { Classifier, type Seg } from './classify.js';
import { buildEntities } from './coref.js';

export const entities: Stage = {
  name: 'entities',
  reads: ['text', 'tokens', 'sentences'],
  writes: ['entities'],
  adds: 'typed proper-noun chunks, coreference, roles',
  run(doc: Doc) {
    // Words the article writes in lower case somewhere are common words when they open a
    // sentence ("Attacks have …"). Few words are asked about, so each is searched for when asked.
    const text = doc.text;
    const seen = new Map<string, boolean>();
    const lowerSeen = (word: string) => {
      let found = seen.get(word);
      if (found === undefined) {
        found = false;
        for (let i = text.indexOf(word); i >= 0 && !found; i = text.indexOf(word, i + 1)) {
          found = !isLetter(text, i - 1) && !isLetter(text, i + word.length);
        }
        seen.set(word, found);
      }
      return found;
    };
    const classifier = new Classifier(doc);
    const segs: Seg[] = [];
    for (const ch of findChunks(doc, lowerSeen)) for (const s of classifier.classify(ch)) segs.push(s);
    doc.entities = buildEntities(doc, classifier.nestedPlaces(classifier.qualifierPlaces(classifier.bracketPlaces(classifier.definitions(segs)))));
  },
};

function isLetter(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return /\p{L}/u.test(text[i]);
}
