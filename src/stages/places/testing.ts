// Test helper: a tokenised Doc with entities placed by hand, for testing the places stage before
// (and independently of) the entities stage.
import { Doc, type EntityAnn, type EntityType } from '../../doc.js';
import { tokens } from '../tokens/index.js';

/** [name, type, alpha-3 country?] — every whole-token occurrence of name becomes a mention. */
export type HandEntity = [string, EntityType, string?];

export function docWith(text: string, ents: HandEntity[], dateline?: string): Doc {
  const d = new Doc(text);
  tokens.run(d);
  let n = 0;
  for (const [name, type, country] of ents) {
    const e: EntityAnn = { id: `e${++n}`, name, type, country: country ?? null, role: null, mentions: [], place: null };
    let at = -1;
    while ((at = text.indexOf(name, at + 1)) >= 0) {
      const f = d.tokenAt(at);
      let l = f;
      while (l < d.tokens.length && d.tokens[l].end <= at + name.length) l++;
      if (d.tokens[f]?.start !== at || d.tokens[l - 1]?.end !== at + name.length) continue;
      e.mentions.push(d.mention(f, l));
    }
    d.entities.push(e);
  }
  if (dateline) {
    const at = text.indexOf(dateline);
    const f = d.tokenAt(at);
    let l = f;
    while (l < d.tokens.length && d.tokens[l].end <= at + dateline.length) l++;
    d.dateline = { mention: d.mention(f, l), span: d.span(0, at + dateline.length) };
  }
  return d;
}
