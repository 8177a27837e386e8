// Named entities: people, organisations, places, nationalities and equipment, with the country
// each belongs to, the roles of people, and one entity per real thing in the article.
// Candidate names come from capitalisation over the token layer (chunks), are typed from data
// in data/entities/ and the gazetteer (classify), given roles (roles) and grouped (coref).
import type { Doc, Stage } from '../doc.js';
import { findChunks } from './entities/chunks.js';
import { Classifier, type Seg } from './entities/classify.js';
import { buildEntities } from './entities/coref.js';

export const entities: Stage = {
  name: 'entities',
  run(doc: Doc) {
    // Words the article writes in lower case somewhere are common words when they open a
    // sentence ("Attacks have …"). Built when first asked: short texts often never ask.
    let lower: Set<string> | null = null;
    const lowerSeen = (word: string) => {
      if (!lower) {
        lower = new Set();
        for (const t of doc.tokens) {
          const c = t.text.charCodeAt(0);
          if (c >= 97 && c <= 122) lower.add(t.lower);
        }
      }
      return lower.has(word);
    };
    const classifier = new Classifier(doc);
    const segs: Seg[] = [];
    for (const ch of findChunks(doc, lowerSeen)) segs.push(...classifier.classify(ch));
    doc.entities = buildEntities(doc, classifier.definitions(segs));
  },
};
