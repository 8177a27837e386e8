// Test helpers for the quotes stage: read a text with hand-made entities standing in for the
// entities stage, so each behaviour can be shown on one sentence.
import assert from 'node:assert/strict';
import { Doc, type EntityType } from '../../doc.js';
import { tokens } from '../tokens.js';
import { quotes } from '../quotes.js';

export interface E {
  name: string;
  type: EntityType;
  role?: string;
  country?: string;
  /** texts of its mentions; every occurrence in the text becomes a mention */
  mentions?: string[];
}

/** Tokens, hand-made entities (standing in for the entities stage), then quotes. */
export function read(text: string, ents: E[] = []): Doc {
  const doc = new Doc(text);
  tokens.run(doc);
  doc.entities = ents.map((e, i) => ({
    id: `e${i + 1}`,
    name: e.name,
    type: e.type,
    role: e.role ?? null,
    country: e.country ?? null,
    place: null,
    mentions: (e.mentions ?? [e.name]).flatMap((m) => {
      const out = [];
      for (let at = text.indexOf(m); at >= 0; at = text.indexOf(m, at + 1)) {
        const first = doc.tokenAt(at);
        out.push(doc.mention(first, doc.tokenAt(at + m.length - 1) + 1));
      }
      return out;
    }),
  }));
  quotes.run(doc);
  for (const q of doc.quotes) assert.equal(text.slice(q.span.start, q.span.end), q.span.text);
  return doc;
}

/** [quoted text, speaker name, verb] for each quote. */
export function said(text: string, ents: E[] = []): [string, string | null, string | null][] {
  return read(text, ents).quotes.map((q) => [q.span.text, q.speaker?.name ?? null, q.verb]);
}

