// Article metadata from a page's head: Open Graph / Twitter / Dublin Core meta tags, JSON-LD and
// a few HTML elements. Each field takes the first source that has it, most structured first.
import { monthNames } from '../data/time.js';

export interface HtmlMeta {
  title: string | null;
  byline: string | null;
  /** ISO 8601 date or datetime */
  published: string | null;
  url: string | null;
  outlet: string | null;
  /** the page's declared language (<html lang>, og:locale), primary subtag only */
  lang: string | null;
}

// Minimal structural types for the DOM that linkedom gives us.
interface El {
  getAttribute(name: string): string | null;
  textContent: string | null;
  querySelectorAll(sel: string): Iterable<El>;
  querySelector(sel: string): El | null;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const space = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

function metaTags(doc: El): Map<string, string> {
  const m = new Map<string, string>();
  for (const el of doc.querySelectorAll('meta')) {
    const content = el.getAttribute('content');
    if (!content || !content.trim()) continue;
    for (const a of ['property', 'name', 'itemprop', 'http-equiv']) {
      const k = el.getAttribute(a);
      if (k && !m.has(k.toLowerCase())) m.set(k.toLowerCase(), space(content));
    }
  }
  return m;
}

/** JSON-LD nodes, flattened out of arrays and @graph. Broken blocks are skipped. */
function jsonLd(doc: El): Obj[] {
  const out: Obj[] = [];
  const walk = (j: Json) => {
    if (Array.isArray(j)) j.forEach(walk);
    else if (j && typeof j === 'object') {
      out.push(j);
      if (j['@graph']) walk(j['@graph']);
    }
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const raw = (s.textContent ?? '').trim();
    if (!raw) continue;
    try {
      walk(JSON.parse(raw));
    } catch {
      // CMSs often emit raw line breaks inside strings; one retry with them flattened.
      try {
        walk(JSON.parse(raw.replace(/[\r\n\t]+/g, ' ')));
      } catch {
        /* unreadable: ignore */
      }
    }
  }
  return out;
}

const typeOf = (o: Obj): string[] => {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};

const str = (j: Json | undefined): string | null => (typeof j === 'string' && j.trim() ? space(j) : null);

function names(j: Json | undefined, byId: Map<string, Obj>): string[] {
  if (!j) return [];
  if (typeof j === 'string') return [space(j)];
  if (Array.isArray(j)) return j.flatMap((x) => names(x, byId));
  if (typeof j === 'object') {
    const ref = typeof j['@id'] === 'string' ? byId.get(j['@id']) : undefined;
    const n = str(j.name) ?? (ref ? str(ref.name) : null);
    return n ? [n] : [];
  }
  return [];
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

function byline(s: string | null | undefined): string | null {
  if (!s || isUrl(s)) return null;
  const b = space(s).replace(/^by\s+/i, '');
  return b || null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function realDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * A publication date as found in a page, as an ISO 8601 date ("2023-04-05") or datetime
 * ("2023-04-05T10:20:00+03:30", "…Z"), or null when it cannot be read.
 */
export function normaliseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?/i.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!realDate(y, mo, d)) return null;
    const date = `${m[1]}-${pad(mo)}-${pad(d)}`;
    if (m[4] === undefined) return date;
    if (Number(m[4]) > 23 || Number(m[5]) > 59) return date;
    let zone = m[7] ?? '';
    if (/^(z|utc|gmt)$/i.test(zone)) zone = 'Z';
    else if (zone && !zone.includes(':')) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return `${date}T${pad(Number(m[4]))}:${m[5]}:${m[6] ?? '00'}${zone}`;
  }
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return realDate(Number(m[1]), Number(m[2]), Number(m[3])) ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : null;
  // Written dates ("Wed, 05 Apr 2023 10:20:00 GMT", "April 5, 2023"): only with a month name and
  // a year, so Date.parse is never left to guess the order of numbers.
  const lower = s.toLowerCase();
  if (!/\b\d{4}\b/.test(s) || !monthNames().some((mo) => lower.includes(mo.slice(0, 3)))) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  const hasTime = /\d{1,2}:\d{2}/.test(s);
  const hasZone = /(?:\b(?:gmt|utc|z)\b|[+-]\d{2}:?\d{2}\s*$)/i.test(s);
  if (hasTime && hasZone) return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  if (!realDate(d.getFullYear(), d.getMonth() + 1, d.getDate())) return null;
  return hasTime ? `${date}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` : date;
}

/** A <title> usually ends with the site's name: "Iran vows … | Reuters". */
function cleanTitle(t: string, outlet: string | null): string {
  const parts = t.split(/\s+[|–—:-]{1,2}\s+/);
  if (parts.length < 2) return t;
  const last = parts[parts.length - 1];
  const first = parts[0];
  const short = (p: string) => p.split(' ').length <= 4;
  const same = (p: string) => !!outlet && p.toLowerCase() === outlet.toLowerCase();
  const dropLast = () => t.slice(0, t.length - last.length).replace(/\s+[|–—:-]{1,2}\s*$/, '');
  if (same(first)) return t.slice(first.length).replace(/^\s*[|–—:-]{1,2}\s+/, '');
  if (same(last) || (short(last) && parts.slice(0, -1).join(' ').split(' ').length >= 3)) return dropLast();
  return t;
}

function absolute(u: string | null | undefined, base: string | null): string | null {
  if (!u) return null;
  if (isUrl(u)) return u.trim();
  if (!base) return null;
  try {
    return new URL(u, base).href;
  } catch {
    return null;
  }
}

export function readMeta(doc: El): HtmlMeta {
  const tags = metaTags(doc);
  const ld = jsonLd(doc);
  const byId = new Map<string, Obj>();
  for (const o of ld) if (typeof o['@id'] === 'string') byId.set(o['@id'], o);
  const article =
    ld.find((o) => typeOf(o).some((t) => /Article|BlogPosting|Report|LiveBlogPosting/.test(t))) ??
    ld.find((o) => o.headline !== undefined || o.datePublished !== undefined);
  const tag = (...keys: string[]) => {
    for (const k of keys) {
      const v = tags.get(k);
      if (v) return v;
    }
    return null;
  };

  const publisher = article ? names(article.publisher, byId)[0] : undefined;
  const org = ld.find((o) => typeOf(o).some((t) => /NewsMediaOrganization|Organization/.test(t)));
  const outlet = tag('og:site_name') ?? publisher ?? (org ? str(org.name) : null) ?? tag('application-name') ?? null;

  const titleEl = doc.querySelector('title');
  const h1 = doc.querySelector('h1');
  const title =
    tag('og:title', 'twitter:title') ??
    (article ? str(article.headline) : null) ??
    (titleEl && titleEl.textContent?.trim() ? cleanTitle(space(titleEl.textContent), outlet) : null) ??
    (h1 && h1.textContent?.trim() ? space(h1.textContent) : null);

  const ldAuthors = article ? names(article.author, byId) : [];
  const by =
    byline(tag('author')) ??
    (ldAuthors.length ? ldAuthors.join(', ') : null) ??
    byline(tag('article:author')) ??
    byline(tag('byl', 'sailthru.author', 'parsely-author', 'dc.creator'));

  const times = [...doc.querySelectorAll('time[datetime]')];
  const pubTime =
    times.find((t) => t.getAttribute('itemprop') === 'datePublished' || t.getAttribute('pubdate') !== null) ??
    [...doc.querySelectorAll('article time[datetime]')][0];
  const candidates = [
    tag('article:published_time', 'og:published_time'),
    article ? str(article.datePublished) : null,
    tag('datepublished'),
    pubTime?.getAttribute('datetime') ?? null,
    tag('pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'article.published', 'publication_date'),
    article ? str(article.dateCreated) : null,
  ];
  let published: string | null = null;
  for (const c of candidates) if ((published = normaliseDate(c))) break;

  const ogUrl = tag('og:url');
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const page = article?.mainEntityOfPage;
  const ldUrl = article ? (str(article.url) ?? str(page) ?? (page && typeof page === 'object' && !Array.isArray(page) ? str(page['@id']) : null)) : null;
  const url = absolute(canonical, ogUrl && isUrl(ogUrl) ? ogUrl : null) ?? absolute(ogUrl, null) ?? absolute(ldUrl, null);

  const htmlEl = doc.querySelector('html');
  const langRaw = htmlEl?.getAttribute('lang') ?? tag('og:locale', 'content-language', 'language');
  const lang = langRaw ? (/^([a-z]{2,3})(?:[-_]|$)/i.exec(langRaw.trim())?.[1].toLowerCase() ?? null) : null;

  // Sites that put their own name in the author tag have no byline to give.
  const byline_ = by && outlet && by.toLowerCase() === outlet.toLowerCase() ? null : by;
  return { title: title || null, byline: byline_, published, url, outlet, lang };
}
