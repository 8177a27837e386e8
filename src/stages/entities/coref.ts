// One entity per real thing in the article: every alias of a known name ("ISIS", "Daesh"), a
// surname and its full name ("Qalandari" → "Hamzeh Qalandari"), an acronym and its expansion
// ("Syrian Arab News Agency (SANA)"). Each nationality word is its own NORP ("Israeli" and
// "Israelis" are two, as in OntoNotes-style annotation).
import type { Doc, EntityAnn, EntityMention, EntityType } from '../../doc.js';
import { getLexicon, nameKey } from './lexicon.js';
import { isAllCaps } from './chunks.js';
import { better, type Role } from './roles.js';
import type { Seg } from './classify.js';
import { pushAll } from '../../arrays.js';

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

let divisions: [string, EntityType][] | null = null;
/** Words after a name that make it a division or a region ("Idlib province", "Kurdistan Region"). */
function divisionCues(): [string, EntityType][] {
  if (divisions) return divisions;
  const lex = getLexicon();
  divisions = [];
  for (const map of [lex.cues.suffix, lex.cues.head]) for (const [cue, type] of map) if (type === 'GPE' || type === 'LOC') divisions.push([cue, type]);
  return divisions;
}

export function buildEntities(doc: Doc, segs: Seg[]): EntityAnn[] {
  const toks = doc.tokens;
  const text = (s: Seg) => (s.text ??= doc.text.slice(toks[s.first].start, toks[s.last - 1].end));
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
    if (s.type === 'NORP') return `n:${nameKey(text(s))}`;
    const k = nameKey(text(s));
    return s.type === 'ORG' ? `${s.type}:${k}|${s.country ?? ''}` : `${s.type}:${k}`;
  };

  // People first, full names before short ones, so that a surname finds its name wherever it is.
  const persons: { cluster: Cluster; names: Set<string> }[] = [];
  const personOf = (t: string): Cluster | null => {
    if (!persons.length) return null;
    const k = nameKey(t);
    let found: Cluster | null = null;
    for (const p of persons) if (p.names.has(k)) found = root(p.cluster);
    return found;
  };
  const people = segs.filter((s) => s.type === 'PERSON').sort((x, y) => y.last - y.first - (x.last - x.first) || x.first - y.first);
  for (const s of people) {
    const t = text(s);
    const same = s.known ? byKey.get(`k:${s.known.id}`) : undefined;
    const c = same ? root(same) : personOf(t);
    if (c) {
      c.segs.push(s);
      if (s.known) byKey.set(`k:${s.known.id}`, c);
    } else {
      const cluster = add(s.known ? `k:${s.known.id}` : `PERSON:${nameKey(t)}`, s, 'PERSON');
      persons.push({ cluster, names: new Set([nameKey(t), ...surnames(t)]) });
    }
  }
  // Unknown or weakly typed words that are a person's surname are that person; so is a town's name
  // that is one, save where a preposition makes it a place ("Lloyd Austin … Austin said", but "in Austin").
  const lex = getLexicon();
  const townAsSurname = (s: Seg) =>
    (s.type === 'GPE' || s.type === 'LOC') && !s.known && !s.nested && s.last - s.first === 1 && !(s.first > 0 && lex.cues.before.has(toks[s.first - 1].lower));
  for (const s of segs) {
    if (s.type === 'PERSON') continue;
    if (s.type === null || !s.strong || townAsSurname(s)) {
      const c = personOf(text(s));
      // "the Carter Center" when Jimmy Carter is named: no place inside that name
      if (c && s.nested) continue;
      if (c) {
        s.type = 'PERSON';
        // a town's state says nothing of the person
        s.country = null;
        c.segs.push(s);
        continue;
      }
    }
    if (s.type) {
      const division = s.nested && !byKey.has(keyOf(s)) ? divisionOf(nameKey(text(s))) : undefined;
      if (division) root(division).segs.push(s);
      else add(keyOf(s), s, s.type);
    }
  }

  // "Dnipropetrovsk" in "Dnipropetrovsk Regional Administration" is the "Dnipropetrovsk region" the
  // article names, when it names no other place so
  function divisionOf(k: string): Cluster | undefined {
    for (const [cue, type] of divisionCues()) {
      const c = byKey.get(`${type}:${k} ${cue}`);
      if (c) return c;
    }
    return undefined;
  }

  // "Syrian Arab News Agency (SANA)": the acronym in brackets is the name before it.
  for (let i = 0; i + 1 < segs.length; i++) {
    const s = segs[i];
    const other = segs[i + 1];
    if (other.type !== 'ORG' || other.first !== s.last + 1 || toks[s.last].text !== '(' || toks[other.last]?.text !== ')') continue;
    if (s.type === null && s.last - s.first > 1) {
      s.type = 'ORG'; // "Strategic Permanent Framework (CSP)": a bracketed acronym names an organisation
      add(keyOf(s), s, 'ORG');
    }
    if (s.type === 'ORG' && isAllCaps(text(other))) merge(byKey.get(keyOf(other)), byKey.get(keyOf(s)));
  }
  // An acronym whose letters are the initials of another organisation named in the article.
  const orgs = clusters.filter((c) => !c.into && c.type === 'ORG');
  const acronymOf = new Map<Cluster, string>();
  // (loops and sets, not map/filter/includes: an empty array has another map than a full one, and
  // V8 recompiled this whole function for each one it met after optimising it)
  for (const c of orgs) {
    for (const s of c.segs) {
      const t = text(s);
      if (isAllCaps(t) && t.length >= 3) {
        acronymOf.set(c, t.replace(/[^A-Z]/g, ''));
        break;
      }
    }
  }
  if (acronymOf.size) {
    const initialsOf = new Map<Cluster, Set<string>>();
    for (const o of orgs) {
      const own = new Set<string>();
      for (const s of o.segs) if (!isAllCaps(text(s))) own.add(initials(text(s)));
      initialsOf.set(o, own);
    }
    for (const [c, letters] of acronymOf) {
      if (root(c) !== c) continue;
      for (const o of orgs) {
        if (o !== c && root(o) === o && initialsOf.get(o)!.has(letters)) {
          merge(c, o);
          break;
        }
      }
    }
  }

  const out: EntityAnn[] = [];
  const built: [EntityAnn, Cluster][] = [];
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
    const e: EntityAnn = { id: '', name: canonical(c, text), type: c.type, country, role: role?.text ?? null, mentions, place: null };
    out.push(e);
    built.push([e, c]);
  }
  // A place name shared by several states ("Arbat", "Jenin") is read in a state the article names.
  const named = new Set<string>();
  for (const c of clusters) if (!c.into && c.segs.length && (c.type === 'NORP' || c.segs[0].known?.id.startsWith('gpe:'))) for (const s of c.segs) if (s.country) named.add(s.country);
  for (const [e, c] of built) {
    if (!e.country || named.has(e.country)) continue;
    const alt = c.segs.find((s) => s.countries)?.countries?.find((x) => named.has(x));
    if (alt) e.country = alt;
    // A small town of that name abroad is a guess not worth keeping against the article's states.
    else if (named.size && c.segs.every((s) => s.minor)) e.country = null;
  }
  out.sort((x, y) => x.mentions[0].start - y.mentions[0].start);
  out.forEach((e, i) => (e.id = `e${i + 1}`));
  return out;

  function merge(a: Cluster | undefined, b: Cluster | undefined) {
    if (!a || !b) return;
    a = root(a);
    b = root(b);
    if (a === b) return;
    // Into b, the expansion, whose type is the fuller reading.
    pushAll(b.segs, a.segs);
    a.segs = [];
    a.into = b;
  }
}

/** The fullest form: the longest mention, or "Expansion (ACRONYM)" when both are used. */
function canonical(c: Cluster, text: (s: Seg) => string): string {
  const first = text(c.segs[0]);
  if (c.type === 'NORP') return first;
  const forms = new Set<string>();
  for (const s of c.segs) forms.add(text(s));
  // A state is called by its usual name when the article uses it ("Iran", not "Islamic Republic").
  const known = c.segs.find((s) => s.known)?.known;
  if (known?.id.startsWith('gpe:') && forms.has(known.name)) return known.name;
  let best = first;
  let bestScore = -1;
  let acr: string | null = null;
  for (const f of forms) {
    const caps = isAllCaps(f.replace(/[\s-]/g, ''));
    if (caps && !f.includes(' ')) acr ??= f;
    let words = 1;
    for (let i = 0; i < f.length; i++) if (f.charCodeAt(i) === 32) words++;
    const score = words * 1000 + f.length - (caps ? 500 : 0);
    if (score > bestScore) {
      best = f;
      bestScore = score;
    }
  }
  if (c.type === 'ORG' && acr && best !== acr && !best.includes(acr)) return `${best} (${acr})`;
  // A dateline or heading in capitals names a place or person in its usual spelling: "KYIV" → "Kyiv",
  // "HEZBOLLAH" → "Hezbollah".
  // ("D.C." is initials, not shouting)
  const letters = best.replace(/[\s'’.-]/g, '');
  const shouted = isAllCaps(letters) && letters.length > 3;
  if (shouted && known && !known.acronyms.includes(best) && !isAllCaps(known.name.replace(/[\s'’.-]/g, ''))) return known.name;
  if (shouted && (c.type === 'GPE' || c.type === 'LOC' || c.type === 'PERSON')) {
    return best.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase()).replace(/ (Of|The|And|Al)(?= )/g, (w) => w.toLowerCase());
  }
  return best;
}
