// What a bulk load writes for one article, the same for every backend (../tools/pg-bulk.ts,
// ../tools/sqlite-bulk.ts): its ids, made as the store's own writes make them (./ids.ts), so that a
// bulk-loaded store numbers and orders its events as one built article by article would; and each
// linkable event's incident, alone, with the summary, link summary and blocking keys it would have
// had if nothing had matched it. No linking: a bulk load is for distinct generated articles, where
// the store's writes would link only the few that happen to meet.
import { articleKey } from './link.js';
import { corroborationJson, soloSummaryJson, type PreparedArticle, type PreparedEvent } from './prepare.js';
import { canonicalUrl, withoutTracking } from './hash.js';
import { articleIdOf, eventIdOf, freeId, incidentIdOf } from './ids.js';
import { registerKeys, type LinkSummary } from './link-plan.js';
import type { CorroborationEvent } from '../corroborate/index.js';
import type { IncidentColumns } from './link.js';

export interface BulkIncident {
  id: number;
  columns: IncidentColumns;
  /** the corroboration module's summary (JSON) */
  summary: string;
  /** the link summary (./link-plan.ts, JSON) */
  link: string;
  /** the blocking keys it is registered under */
  keys: string[];
}

export interface BulkEvent {
  id: number;
  e: PreparedEvent;
  /** the corroboration record as stored (JSON), or null */
  corr: string | null;
  incident: BulkIncident | null;
}

export interface BulkArticle {
  id: number;
  /** articles.key: the canonical URL, else text:HASH */
  key: string;
  /** the canonical URL (article_urls), or null */
  canon: string | null;
  /** articles.url: as given, without tracking parameters */
  url: string | null;
  revisionId: number;
  p: PreparedArticle;
  events: BulkEvent[];
}

/** Hands out the ids of a bulk load, in the order the articles come; refuses an article seen before (a bulk load stores no revisions or duplicates). */
export class BulkIds {
  private readonly keys = new Set<string>();
  private readonly texts = new Set<string>();
  private readonly articles = new Set<number>();
  private readonly events = new Set<number>();
  private readonly incidents = new Set<number>();
  private revision = 0;

  article(p: PreparedArticle): BulkArticle {
    const canon = canonicalUrl(p.article.url);
    const key = canon ?? `text:${p.textHash}`;
    if (this.keys.has(key) || this.texts.has(p.textHash)) throw new Error(`a bulk load takes each article once: ${key} came again`);
    this.keys.add(key);
    this.texts.add(p.textHash);
    const id = take(this.articles, articleIdOf(canon, p.textHash));
    const ak = articleKey(id);
    const events = p.events.map((e): BulkEvent => {
      const eid = take(this.events, eventIdOf(id, p.textHash, e.idKey));
      const corr = corroborationJson(e, ak);
      if (!corr || !e.link || !e.solo) return { id: eid, e, corr, incident: null };
      const ce = JSON.parse(corr) as CorroborationEvent;
      const inc = take(this.incidents, incidentIdOf(eid));
      const link: LinkSummary = { n: 1, min: eid, ex: [ce] };
      return { id: eid, e, corr, incident: { id: inc, columns: e.solo.columns, summary: soloSummaryJson(e, ak, ce.id)!, link: JSON.stringify(link), keys: [...new Set(registerKeys(ce))] } };
    });
    return { id, key, canon, url: withoutTracking(p.article.url), revisionId: ++this.revision, p, events };
  }
}

function take(taken: Set<number>, want: number): number {
  const id = freeId(want, (x) => taken.has(x));
  taken.add(id);
  return id;
}
