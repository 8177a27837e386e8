// Who the independent sources of an incident are. Reports count once per source group: reprints of
// one wire story (a credit such as "(Reuters)", or near-identical text), and relays (a report whose
// every attributed claim comes through one outlet: "…, an anonymous source told SANA") belong to
// the group of the story's origin.
import { config, nameKey, outletIn, outletNamed, type OutletInfo } from './config.js';
import type { ClaimRef, CorroborationEvent } from './event.js';

export interface SourceGroup {
  /** an outlet id of data/corroboration.yaml ("reuters"), or "outlet:<name>" for an unlisted outlet */
  id: string;
  /** display name */
  name: string;
  /** alpha-3 of the state that owns or runs the origin outlet, or null */
  state: string | null;
  /** outlets whose reports are in the group, sorted */
  outlets: string[];
  /** articles in the group, sorted */
  articles: string[];
  /** why reports were put in this group */
  how: ('own report' | 'wire credit' | 'relay' | 'near-identical text')[];
}

/** "an anonymous military source via SANA via Mehr News Agency": claimant, then via, then outlet. */
export function claimChain(c: ClaimRef): string {
  // Asked for every field of every summary: kept (see memo below).
  return memo(chainCache, `${c.claimant ?? ''}\u0001${c.via.join('\u0002')}\u0001${c.outlet ?? ''}`, () => {
    const parts: string[] = [];
    for (const p of [c.claimant, ...c.via, c.outlet]) {
      if (!p) continue;
      if (parts.length && nameKey(parts[parts.length - 1]) === nameKey(p)) continue;
      parts.push(p);
    }
    return parts.length ? parts.join(' via ') : 'an unnamed outlet';
  });
}

/**
 * The outlet an article relays: the one listed outlet (other than its own) named in its claim
 * chains ("an anonymous military source via SANA"), when there is exactly one. Claims naming no
 * outlet ("the military source said") do not count against it: they are usually the same source,
 * named again. Conservative: an article that also has reporting of its own counts as the relay.
 */
export function relayedOutlet(events: readonly CorroborationEvent[], own: OutletInfo | undefined): OutletInfo | undefined {
  let relay: OutletInfo | undefined;
  for (const e of events)
    for (const c of e.claims) {
      const through = [...c.via, c.claimant].map((p) => outletInCached(p)).find((o) => o && o.id !== own?.id);
      if (!through) continue;
      if (relay && relay.id !== through.id) return undefined;
      relay = through;
    }
  return relay;
}

// Speed: the store recomputes an incident's summary each time a report joins it, and every
// summary compares every pair of its reports' texts and looks up the same outlet names again. The
// answers depend only on the strings (the configuration is read once), so they are kept, up to a
// bound (a corpus has a few thousand distinct outlets and claimants; texts are many, but a text is
// compared again only while its incident grows, so few are kept).
const NAMES_KEPT = 20_000;
const TEXTS_KEPT = 20_000;

function memo<V>(cache: Map<string, V>, key: string, make: () => V, limit = NAMES_KEPT): V {
  let v = cache.get(key);
  if (v === undefined && !cache.has(key)) {
    if (cache.size >= limit) cache.clear();
    v = make();
    cache.set(key, v);
  }
  return v as V;
}

const outletInCache = new Map<string, OutletInfo | undefined>();
const outletOfCache = new Map<string, OutletInfo | undefined>();
const groupIdCache = new Map<string, string>();
// One cache per n-gram size, keyed by the text itself: a key made by concatenation is a new string
// hashed again at every look-up (measured: the look-up cost more than the comparison).
const shingleCaches = new Map<number, Map<string, Set<string>>>();
const chainCache = new Map<string, string>();

function outletInCached(p: string | null | undefined): OutletInfo | undefined {
  return p ? memo(outletInCache, p, () => outletIn(p)) : undefined;
}

/** The listed outlet a report's outlet name stands for: by the whole name, else named within it. */
function outletOf(outlet: string | null | undefined): OutletInfo | undefined {
  return outlet ? memo(outletOfCache, outlet, () => outletNamed(outlet) ?? outletIn(outlet)) : undefined;
}

function shingles(text: string, n: number): Set<string> {
  let cache = shingleCaches.get(n);
  if (!cache) shingleCaches.set(n, (cache = new Map()));
  return memo(
    cache,
    text,
    () => {
      const w = nameKey(text).split(' ').filter(Boolean);
      const out = new Set<string>();
      for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
      return out;
    },
    TEXTS_KEPT,
  );
}

/** Jaccard similarity of two texts' word n-grams, or 0 when either is too short to judge. */
export function textSimilarity(a: string, b: string): number {
  const { shingleSize, minShingles } = config().syndication;
  const A = shingles(a, shingleSize);
  const B = shingles(b, shingleSize);
  if (A.size < minShingles || B.size < minShingles) return 0;
  let shared = 0;
  for (const s of A) if (B.has(s)) shared++;
  return shared / (A.size + B.size - shared);
}

interface Origin {
  id: string;
  name: string;
  state: string | null;
  how: SourceGroup['how'][number];
}

/** The id an outlet's own reports are grouped under: its listed id, else "outlet:<name key>". */
export function outletGroupId(outlet: string | null | undefined): string | null {
  if (!outlet) return null;
  return memo(groupIdCache, outlet, () => outletOf(outlet)?.id ?? `outlet:${nameKey(outlet)}`);
}

function originOf(articleEvents: CorroborationEvent[], names: Map<string, string>): Origin {
  const e = articleEvents[0];
  const ownId = outletGroupId(e.outlet);
  if (e.outletGroup && e.outletGroup !== ownId) {
    const known = byId(e.outletGroup);
    if (known) return { id: known.id, name: known.name, state: known.state, how: 'wire credit' };
    return { id: e.outletGroup, name: names.get(e.outletGroup) ?? e.outletGroup.replace(/^outlet:/, ''), state: null, how: 'wire credit' };
  }
  const own = outletOf(e.outlet);
  const relay = relayedOutlet(articleEvents, own);
  if (relay) return { id: relay.id, name: relay.name, state: relay.state, how: 'relay' };
  if (own) return { id: own.id, name: own.name, state: own.state, how: 'own report' };
  if (e.outlet) return { id: ownId!, name: e.outlet, state: null, how: 'own report' };
  return { id: `article:${e.articleId}`, name: `article ${e.articleId}`, state: null, how: 'own report' };
}

function byId(id: string): OutletInfo | undefined {
  const o = config().outlets[id];
  return o ? { id, name: o.name, wire: o.wire ?? false, state: o.state ?? null } : undefined;
}

/**
 * The source groups of an incident's events, sorted by id, and each article's group. An article's
 * origin: the wire it credits (outletGroup), else the one outlet all its attributed claims come
 * through, else its own outlet. Articles whose evidence is near-identical then share a group (the
 * one whose origin is a wire, else the smallest id).
 */
export function sourceGroups(events: readonly CorroborationEvent[]): { groups: SourceGroup[]; groupOf: Map<string, string> } {
  const byArticle = new Map<string, CorroborationEvent[]>();
  for (const e of [...events].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const list = byArticle.get(e.articleId);
    if (list) list.push(e);
    else byArticle.set(e.articleId, [e]);
  }
  const articles = [...byArticle.keys()].sort();
  // Display names of unlisted outlets, from the reports they published themselves.
  const names = new Map<string, string>();
  for (const e of events) if (e.outlet) names.set(outletGroupId(e.outlet)!, e.outlet);
  const origin = new Map(articles.map((a) => [a, originOf(byArticle.get(a)!, names)]));

  // Union-find over articles: same origin, or near-identical evidence.
  const parent = new Map(articles.map((a) => [a, a]));
  const find = (a: string): string => {
    while (parent.get(a) !== a) a = parent.get(a)!;
    return a;
  };
  const union = (a: string, b: string) => {
    const [x, y] = [find(a), find(b)].sort();
    parent.set(y, x);
  };
  // Articles of one origin are one group, without comparing them pair by pair: an incident told
  // by one outlet a thousand times made a million unions at every summary (the store's flush).
  const byOrigin = new Map<string, string[]>();
  for (const a of articles) {
    const id = origin.get(a)!.id;
    const list = byOrigin.get(id);
    if (list) {
      union(list[0], a);
      list.push(a);
    } else byOrigin.set(id, [a]);
  }
  const near = new Set<string>();
  const { similarity } = config().syndication;
  const evidence = new Map(articles.map((a) => [a, byArticle.get(a)!.map((e) => e.evidence ?? '').filter(Boolean)]));
  // Texts are compared across origins only. A pair already in one group, both of whose articles
  // are known near-identical to another, could change nothing: not compared.
  const origins = [...byOrigin.values()];
  for (let i = 0; i < origins.length; i++)
    for (let j = i + 1; j < origins.length; j++)
      for (const a of origins[i])
        for (const b of origins[j]) {
          if (near.has(a) && near.has(b) && find(a) === find(b)) continue;
          const ea = evidence.get(a)!;
          const eb = evidence.get(b)!;
          if (ea.some((x) => eb.some((y) => textSimilarity(x, y) >= similarity))) {
            union(a, b);
            near.add(a).add(b);
          }
        }

  const members = new Map<string, string[]>();
  for (const a of articles) {
    const root = find(a);
    const list = members.get(root);
    if (list) list.push(a);
    else members.set(root, [a]);
  }
  const groups: SourceGroup[] = [];
  const groupOf = new Map<string, string>();
  for (const list of members.values()) {
    const origins = list.map((a) => origin.get(a)!);
    const wire = origins.filter((o) => byId(o.id)?.wire).sort((x, y) => (x.id < y.id ? -1 : 1))[0];
    const lead = wire ?? [...origins].sort((x, y) => (x.id < y.id ? -1 : 1))[0];
    const how = new Set<SourceGroup['how'][number]>(origins.map((o) => o.how));
    if (list.some((a) => near.has(a))) how.add('near-identical text');
    const outlets = [...new Set(list.flatMap((a) => byArticle.get(a)!.map((e) => e.outlet ?? '').filter(Boolean)))].sort();
    groups.push({ id: lead.id, name: lead.name, state: lead.state, outlets, articles: list, how: [...how].sort() });
    for (const a of list) groupOf.set(a, lead.id);
  }
  groups.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { groups, groupOf };
}
