// Stable ids: what an article, an event and an incident are called, derived from what they are, so
// that the same corpus stored twice (two fresh stores, two machines, another order of arrival)
// gives the same ids, and links people keep work in a rebuilt store.
//
//   article  — its canonical URL, else the hash of its first text
//   event    — its article, its revision's text and its evidence (kind, spans, id in the document)
//   incident — its smallest member event's id (./link-plan.ts renames an incident whose smallest
//              member changes; the old id then points to the new one, as a merged incident does)
//
// Numbers, as the stores' row ids were: 2^51 plus 51 bits of a SHA-256, so they never meet a
// row id of a store made before (small numbers, kept as they were) and stay exact in JSON.
// Collisions (one in millions of millions) take the next free number.
import { createHash } from 'node:crypto';

const BASE = 2 ** 51;

export function stableId(...parts: string[]): number {
  const hex = createHash('sha256').update(parts.join('\u0001')).digest('hex').slice(0, 13);
  return BASE + (parseInt(hex, 16) % BASE);
}

export function articleIdOf(canonicalUrl: string | null, textHash: string): number {
  return stableId('article', canonicalUrl ? `url:${canonicalUrl}` : `text:${textHash}`);
}

/** `idKey`: the event's kind, evidence spans and id in its document (../prepare.ts). */
export function eventIdOf(articleId: number, textHash: string, idKey: string): number {
  return stableId('event', String(articleId), textHash, idKey);
}

export function incidentIdOf(smallestMember: number): number {
  return stableId('incident', String(smallestMember));
}

/** The first id from `want` on that `taken` does not hold. */
export function freeId(want: number, taken: (id: number) => boolean): number {
  let id = want;
  while (taken(id)) id++;
  return id;
}
