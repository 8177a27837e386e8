// Identity of articles: a canonical form of URLs (so tracking parameters and "www." do not make
// one article two) and a hash of the normalised text (so a copy at another URL, or the same text
// with other quote marks and spacing, is recognised).
import { createHash } from 'node:crypto';

// Query parameters that say how a reader arrived, not what they read.
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ocid|cmpid|smid|ito|ref|ref_src|share|sh)$/i;

/** A URL reduced to what identifies the page; null when it is not an http(s) URL. */
export function canonicalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  // http and https versions of a page are the same article.
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const query = params.length ? '?' + new URLSearchParams(params).toString() : '';
  let path = u.pathname.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/$/, '');
  return `https://${host}${port}${path}${query}`;
}

/**
 * The URL as given, less the parameters that say how a reader arrived: what an article's `url`
 * shows. A link shared with ?utm_source=… names the same page, and must not replace the clean one.
 */
export function withoutTracking(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url;
  }
  const keys = [...new Set(u.searchParams.keys())].filter((k) => TRACKING.test(k));
  if (!keys.length) return url;
  for (const k of keys) u.searchParams.delete(k);
  if (![...u.searchParams.keys()].length) u.search = '';
  return u.toString();
}

/** Hash of the text with case, punctuation, quote styles and spacing folded away. */
export function textHash(text: string): string {
  const norm = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(norm).digest('hex').slice(0, 32);
}

/** Hash of anything given as input (bytes or strings, in order). */
export function rawHash(...parts: (string | Uint8Array | null | undefined)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p === null || p === undefined ? '\u0000null' : p);
    h.update('\u0001');
  }
  return h.digest('hex').slice(0, 32);
}
