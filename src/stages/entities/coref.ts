// One entity per real thing in the article: every alias of a known name, a surname and its full
// name ("Qalandari" → "Hamzeh Qalandari"), an acronym and its expansion ("Syrian Arab News Agency
// (SANA)"), the forms of one nationality ("Israeli", "Israelis").
import type { Doc, EntityAnn, EntityMention, EntityType } from '../../doc.js';
import { nameKey } from './lexicon.js';
import { isAllCaps } from './chunks.js';
import { better, type Role } from './roles.js';
import type { Seg } from './classify.js';

interface Cluster {
  type: EntityType;
  segs: Seg[];
  /** another cluster this one was merged into */
  into: Cluster | null;
}

const CONNECTORS = new Set(['of', 'for', 'and', 'the', '&', 'de', 'al', 'el', '-']);

function root(c: Cluster): Cluster {
  while (c.into) c = c.into;
  return c;
}

/** Initials of a name's capitalised words: "Syrian Arab News Agency" → "SANA". */
function initials(text: string): string {
  let s = '';
  for (const w of text.split(/[\s-]+/)) if (w && !CONNECTORS.has(w.toLowerCase()) && /^\p{Lu}/u.test(w)) s += w[0];
  return s;
}

/** The words of a person's name that can stand for all of it: "al-Assad", "Assad", "Bashar al-Assad". */
function surnames(text: string): string[] {
  const words = nameKey(text).split(' ');
  if (words.length < 2) return [];
  const last = words[words.length - 1];
  const out = [last];
  const bare = last.replace(/^(al|el|ad|ar|as|ash|az|ez)-/, '');
  if (bare !== last) out.push(bare);
  if (words.length > 2) out.push(words.slice(-2).join(' '));
  return out;
}

export function buildEntities(doc: Doc, segs: Seg[]): EntityAnn[] {
  const toks = doc.tokens;
  const text = (s: Seg) => doc.text.slice(toks[s.first].start, toks[s.last - 1].end);
  const byKey = new Map<string, Cluster>();
  const clusters: Cluster[] = [];
  const add = (key: string, s: Seg, type: EntityType) => {
    let c = byKey.get(key);
    if (c) c = root(c);
    else {
      c = { type, segs: [], into: null };
      byKey.set(key, c);
      clusters.push(c);
    }
    c.segs.push(s);
    return c;
  };
  const keyOf = (s: Seg): string => {
    if (s.known) return `k:${s.known.id}`;
    if (s.type === 'NORP') return `n:${s.group}`;
    const k = nameKey(text(s));
    return s.type === 'ORG' ? `${s.type}:${k}|${s.country ?? ''}` : `${s.type}:${k}`;
  };

  // People first, full names before short ones, so that a surname finds its name wherever it is.
  const persons: { cluster: Cluster; names: Set<string> }[] = [];
  const personOf = (t: string): Cluster | null => {
    const k = nameKey(t);
    let found: Cluster | null = null;
    for (const p of persons) if (p.names.has(k)) found = root(p.cluster);
    return found;
  };
  const people = segs.filter((s) => s.type === 'PERSON').sort((x, y) => y.last - y.first - (x.last - x.first) || x.first - y.first);
  for (const s of people) {
    const t = text(s);
    const c = personOf(t);
    if (c) c.segs.push(s);
    else {
      const cluster = add(`PERSON:${nameKey(t)}`, s, 'PERSON');
      persons.push({ cluster, names: new Set([nameKey(t), ...surnames(t)]) });
    }
  }
  // Unknown or weakly typed words that are a person's surname are that person.
  for (const s of segs) {
    if (s.type === 'PERSON') continue;
    if (s.type === null || !s.strong) {
      const c = personOf(text(s));
      if (c) {
        s.type = 'PERSON';
        c.segs.push(s);
        continue;
      }
    }
    if (s.type) add(keyOf(s), s, s.type);
  }

  // "Syrian Arab News Agency (SANA)": the acronym in brackets is the name before it.
  for (const s of segs) {
    if (!s.type || s.type === 'PERSON' || s.type === 'NORP') continue;
    const open = toks[s.last];
    const acr = toks[s.last + 1];
    if (open?.text === '(' && toks[s.last + 2]?.text === ')' && isAllCaps(acr.text)) {
      const other = segs.find((o) => o.first === s.last + 1 && o.type);
      if (other) merge(byKey.get(keyOf(other)), byKey.get(keyOf(s)));
    }
  }
  // An acronym whose letters are the initials of another name of the same type in the article.
  const orgs = clusters.filter((c) => !c.into && (c.type === 'ORG' || c.type === 'GPE'));
  for (const c of orgs) {
    const acr = c.segs.map(text).find((t) => isAllCaps(t) && t.length >= 3);
    if (!acr || root(c) !== c) continue;
    const letters = acr.replace(/[^A-Z]/g, '');
    for (const o of orgs) {
      if (o === c || root(o) !== o || o.type !== c.type) continue;
      if (o.segs.some((s) => !isAllCaps(text(s)) && initials(text(s)) === letters)) {
        merge(c, o);
        break;
      }
    }
  }

  const out: EntityAnn[] = [];
  for (const c of clusters) {
    if (c.into || !c.segs.length) continue;
    c.segs.sort((x, y) => x.first - y.first);
    const mentions: EntityMention[] = [];
    let role: Role | null = null;
    let country: string | null = null;
    for (const s of c.segs) {
      if (mentions.length && mentions[mentions.length - 1].first === s.first) continue;
      mentions.push(doc.mention(s.first, s.last));
      role = better(role, s.role);
      if (!country && s.country && s.strong) country = s.country;
    }
    for (const s of c.segs) country ??= s.country;
    if (role?.country && !country) country = role.country;
    out.push({ id: '', name: canonical(c, text), type: c.type, country, role: role?.text ?? null, mentions, place: null });
  }
  out.sort((x, y) => x.mentions[0].start - y.mentions[0].start);
  out.forEach((e, i) => (e.id = `e${i + 1}`));
  return out;

  function merge(a: Cluster | undefined, b: Cluster | undefined) {
    if (!a || !b) return;
    a = root(a);
    b = root(b);
    if (a === b) return;
    // The cluster mentioned first keeps the type; the expansion is usually the fuller reading.
    b.segs.push(...a.segs);
    a.segs = [];
    a.into = b;
  }
}

/** The fullest form: the longest mention, or "Expansion (ACRONYM)" when both are used. */
function canonical(c: Cluster, text: (s: Seg) => string): string {
  const forms = c.segs.map(text);
  if (c.type === 'NORP') return forms[0];
  // A state is called by its usual name when the article uses it ("Iran", not "Islamic Republic").
  const known = c.segs.find((s) => s.known)?.known;
  if (known?.id.startsWith('gpe:') && forms.includes(known.name)) return known.name;
  const score = (t: string) => t.split(/\s+/).length * 1000 + t.length - (isAllCaps(t.replace(/[\s-]/g, '')) ? 500 : 0);
  let best = forms[0];
  for (const f of forms) if (score(f) > score(best)) best = f;
  if (c.type === 'ORG') {
    const acr = forms.find((f) => isAllCaps(f) && !/\s/.test(f));
    if (acr && best !== acr && !best.includes(acr)) return `${best} (${acr})`;
  }
  return best;
}
