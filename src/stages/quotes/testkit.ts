// Test helpers for the quotes stage: read a text with hand-made entities standing in for the
// entities stage, so each behaviour can be shown on one sentence.
import assert from 'node:assert/strict';
import { Doc, type EntityType } from '../../doc.js';
import { tokens } from '../tokens/index.js';
import { quotes } from './index.js';

export interface E {
  name: string;
  type: EntityType;
  role?: string;
  country?: string;
  /** texts of its mentions; every occurrence in the text becomes a mention */
  mentions?: string[];
}

/**
 * Tokens, hand-made entities and time expressions (standing in for the entities and dates
 * stages), then quotes.
 */
export function read(text: string, ents: E[] = [], times: string[] = []): Doc {
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
  doc.times = times.flatMap((m) => {
    const at = text.indexOf(m);
    if (at < 0) return [];
    const mention = doc.mention(doc.tokenAt(at), doc.tokenAt(at + m.length - 1) + 1);
    return [{ start: null, end: null, precision: 'unknown' as const, mention, background: false, future: false }];
  });
  quotes.run(doc);
  for (const q of doc.quotes) assert.equal(text.slice(q.span.start, q.span.end), q.span.text);
  return doc;
}

/** [quoted text, speaker name, verb] for each quote. */
export function said(text: string, ents: E[] = [], times: string[] = []): [string, string | null, string | null][] {
  return read(text, ents, times).quotes.map((q) => [q.span.text, q.speaker?.name ?? null, q.verb]);
}

