// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item becomes an article of its own, read from the
// fullest body the item carries (content:encoded, Atom content, then description or summary). The
// feed's title is the outlet; items are not followed to their links (a feed is ingested as it is).
import { XMLParser } from 'fast-xml-parser';

export interface FeedItem {
  /** 1-based position in the feed, for reports */
  n: number;
  title: string | null;
  url: string | null;
  /** guid / Atom id: identity when there is no link */
  guid: string | null;
  /** ISO 8601, or null when the item has no (readable) date */
  published: string | null;
  body: string;
  isHtml: boolean;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
  parseTagValue: false,
});

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Record<string, unknown>)['#text']);
  return null;
}

/** RSS link elements are text; Atom ones are attributes, the article being rel="alternate" (or no rel). */
function link(v: unknown): string | null {
  const links = Array.isArray(v) ? v : v === undefined ? [] : [v];
  for (const l of links) {
    if (typeof l === 'string' && l.trim()) return l.trim();
    if (l && typeof l === 'object') {
      const o = l as Record<string, unknown>;
      const rel = o['@_rel'];
      if ((rel === undefined || rel === 'alternate') && typeof o['@_href'] === 'string') return o['@_href'];
      if (typeof o['#text'] === 'string' && o['#text'].trim()) return o['#text'].trim();
    }
  }
  return null;
}

/** RFC 822 (RSS) or ISO 8601 (Atom) to ISO 8601; null when unreadable. */
export function feedDate(s: string | null): string | null {
  if (!s) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString().replace('.000Z', 'Z');
}

const looksHtml = (s: string) => /<\/?[a-z][a-z0-9]*[\s>/]/i.test(s);

/** True when the text is a feed (by its root element), without parsing it all. */
export function isFeed(head: string): boolean {
  return /<(rss|feed|rdf:RDF)[\s>]/.test(head.slice(0, 4096));
}

/** Parses a feed; throws an Error with a one-line reason when it is not one. */
export function parseFeed(xml: string): Feed {
  let doc: Record<string, any>;
  try {
    doc = parser.parse(xml, true);
  } catch (e) {
    throw new Error(`not well-formed XML (${(e as Error).message.split('\n')[0]})`);
  }
  let title: unknown;
  let raw: Record<string, unknown>[];
  if (doc.rss) {
    title = doc.rss.channel?.title;
    raw = doc.rss.channel?.item ?? [];
  } else if (doc.feed) {
    title = doc.feed.title;
    raw = doc.feed.entry ?? [];
  } else if (doc['rdf:RDF']) {
    title = doc['rdf:RDF'].channel?.title;
    raw = doc['rdf:RDF'].item ?? [];
  } else throw new Error('not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)');
  const items = raw.map((it, k): FeedItem => {
    const body =
      text(it['content:encoded']) ?? text(it.content) ?? text(it.description) ?? text(it.summary) ?? text(it['media:description']) ?? '';
    const type = typeof it.content === 'object' && it.content ? (it.content as Record<string, unknown>)['@_type'] : undefined;
    return {
      n: k + 1,
      title: text(it.title),
      url: link(it.link) ?? (typeof it.guid === 'string' && /^https?:\/\//.test(it.guid) ? it.guid : null),
      guid: text(it.guid) ?? text(it.id),
      published: feedDate(text(it.pubDate) ?? text(it.published) ?? text(it.updated) ?? text(it['dc:date'])),
      body,
      isHtml: type === 'html' || type === 'xhtml' || looksHtml(body),
    };
  });
  return { title: text(title), items };
}
