// Entity mentions by sentence. The event stages ask "which names are here" once per word or
// phrase; reading every entity of the article each time made long articles quadratic.
import type { Doc, EntityAnn, EntityMention } from '../../doc.js';

export interface Located {
  e: EntityAnn;
  m: EntityMention;
  /** position in doc.entities, then in the entity's mentions: the order a full scan would meet it */
  order: number;
}

const made = new WeakMap<EntityAnn[], Located[][]>();

/** The entity mentions of sentence `sent`, in the order of doc.entities and their mentions. */
export function mentionsOf(doc: Doc, sent: number): Located[] {
  let by = made.get(doc.entities);
  if (!by) {
    by = [];
    let order = 0;
    for (const e of doc.entities)
      for (const m of e.mentions) {
        (by[m.sent] ??= []).push({ e, m, order });
        order++;
      }
    made.set(doc.entities, by);
  }
  return by[sent] ?? [];
}

/** The entity mentions of the sentences holding tokens [from, to), in full-scan order. */
export function mentionsAcross(doc: Doc, from: number, to: number): Located[] {
  const toks = doc.tokens;
  if (from >= to || from >= toks.length) return [];
  const a = toks[from].sent;
  const b = toks[Math.min(to, toks.length) - 1].sent;
  if (a === b) return mentionsOf(doc, a);
  const out: Located[] = [];
  for (let s = a; s <= b; s++) out.push(...mentionsOf(doc, s));
  return out.sort((x, y) => x.order - y.order);
}
