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
    // sentence. Only the capitalised words that follow a sentence break or an opening mark need
    // asking about, so collect those first and then look for them in one pass.
    const asked = new Set<string>();
    const toks = doc.tokens;
    for (let i = 0; i < toks.length; i++) {
      const c = toks[i].text.charCodeAt(0);
      if (c >= 65 && c <= 90 && (i === 0 || toks[i - 1].sent !== toks[i].sent || toks[i - 1].pos === 'PUNCT')) asked.add(toks[i].lower);
    }
    const lowerSeen = new Set<string>();
    for (const t of toks) {
      const c = t.text.charCodeAt(0);
      if (c >= 97 && c <= 122 && asked.has(t.lower)) lowerSeen.add(t.lower);
    }
    const classifier = new Classifier(doc);
    const segs: Seg[] = [];
    for (const ch of findChunks(doc, lowerSeen)) segs.push(...classifier.classify(ch));
    doc.entities = buildEntities(doc, segs);
  },
};
