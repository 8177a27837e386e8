// `sitrep serve`: the HTTP API over a Store and the web UI that reads it. Node's http module and a
// small route table: every route is a function from the request to JSON (or a static file).
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { extract } from '../pipeline.js';
import { parsePublishedOrThrow } from '../published.js';
import { extractItem } from '../ingest/extract-item.js';
import type { Item } from '../ingest/sources.js';
import { storeErrorCode } from '../store/errors.js';
import { rawHash } from '../store/hash.js';
import type { Store } from '../store/types.js';
import { ExtractRequest, firstIssue, parseIngest, type IngestArticle } from './bodies.js';
import { HttpError, readJson, send, sendError, sendJson } from './http.js';
import { openApiDocument } from './openapi.js';
import { BadRequest, parseQuery } from './params.js';
import { FacetCache } from './query.js';
import { read as readDirect, ReadError, Readers, type ReadOp } from './readers.js';
import { PACKAGE_ROOT, StaticFiles } from './static.js';

export interface ServeOptions {
  store: Store;
  /** the bearer token POST /api/ingest needs; ingest is disabled without one */
  token?: string | null;
  /** request bodies larger than this are refused with 413 (default 2 MB) */
  maxBody?: number;
  /** events examined at most to count facets (default 20 000) */
  facetScan?: number;
  /** reads go to worker threads that open this store read-only (../store/open.ts); else to `store` */
  readers?: { db: string; count?: number };
}

export const DEFAULT_MAX_BODY = 2 * 1048576;
const DEFAULT_FACET_SCAN = 20_000;

type Params = Record<string, string>;
type Handler = (req: IncomingMessage, url: URL, p: Params) => Promise<unknown>;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

function route(method: Route['method'], path: string, handler: Handler): Route {
  const keys: string[] = [];
  const pattern = new RegExp('^' + path.replace(/\{(\w+)\}/g, (_m, k) => (keys.push(k), '([^/]+)')) + '$');
  return { method, pattern, keys, handler };
}

function id(p: Params): number {
  const n = /^[1-9]\d{0,15}$/.test(p.id) ? Number(p.id) : NaN;
  if (!Number.isSafeInteger(n)) throw new HttpError(400, `id must be a positive whole number, not "${p.id}"`);
  return n;
}

function found<T>(x: T | null, what: string): T {
  if (x === null || x === undefined) throw new HttpError(404, `no such ${what}`);
  return x;
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

function sha256(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Store errors that are the caller's fault (a cursor from elsewhere): 400, not 500. */
function storeQueryError(e: unknown): never {
  if (storeErrorCode(e) === 'invalid_filter') throw new HttpError(400, (e as Error).message);
  throw e;
}

/** An answer already serialised (by a reader thread). */
class JsonText {
  constructor(readonly text: string) {}
}

function ingestItem(a: IngestArticle, n: number): Item {
  const body = a.text ?? a.html ?? '';
  return {
    source: a.url ?? `POST /api/ingest #${n + 1}`,
    key: null,
    text: body,
    isHtml: a.html !== undefined,
    id: a.id ?? a.url ?? `api-${n + 1}`,
    url: a.url ?? null,
    title: a.title ?? null,
    outlet: a.outlet ?? null,
    published: a.published ?? null,
    license: a.license ?? null,
    fallback: { published: null, outlet: null, license: null },
    size: Buffer.byteLength(body),
  };
}

/** The request handler, without a listening socket (tests and other servers can mount it). */
export function createHandler(opts: ServeOptions): ((req: IncomingMessage, res: ServerResponse) => void) & { close(): Promise<void> } {
  const { store } = opts;
  const maxBody = opts.maxBody ?? DEFAULT_MAX_BODY;
  const tokenHash = opts.token ? sha256(opts.token) : null;
  const readers = opts.readers ? new Readers(opts.readers.db, opts.readers.count) : null;
  const facetScan = opts.facetScan ?? DEFAULT_FACET_SCAN;
  /** One read, on a reader thread when there are some; null when the item does not exist. */
  const read = async (r: ReadOp): Promise<unknown> => {
    try {
      if (!readers) return await readDirect(store, r);
      const json = await readers.run(r);
      return json === null ? null : new JsonText(json);
    } catch (e) {
      return storeQueryError(e);
    }
  };
  const facets = new FacetCache((q) => read({ op: 'facets', q, scan: facetScan }));
  const files = new StaticFiles();
  const version = packageVersion();
  let openapi: string | null = null;

  const checkToken = (req: IncomingMessage) => {
    if (!tokenHash) throw new HttpError(403, 'ingest is disabled: start the server with SITREP_TOKEN set to enable it');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
    // Hashes have equal lengths, so the comparison takes the same time whatever was sent.
    if (!m || !timingSafeEqual(sha256(m[1]), tokenHash))
      throw new HttpError(401, m ? 'wrong token' : 'send the token as "Authorization: Bearer <token>"', { 'WWW-Authenticate': 'Bearer realm="sitrep"' });
  };

  const routes: Route[] = [
    route('GET', '/health', async () => ({ status: 'ok' })),
    route('GET', '/api/stats', () => store.stats()),
    route('GET', '/api/events', (_req, url) => read({ op: 'events', q: parseQuery(url.searchParams) })),
    route('GET', '/api/incidents', (_req, url) => read({ op: 'incidents', q: parseQuery(url.searchParams) })),
    route('GET', '/api/facets', (_req, url) => {
      const q = parseQuery(url.searchParams);
      if (q.filter.cursor) throw new BadRequest('parameter "cursor": facets are not paged');
      return facets.get(q);
    }),
    route('GET', '/api/events/{id}', async (_req, _url, p) => found(await read({ op: 'event', id: id(p) }), 'event')),
    route('GET', '/api/incidents/{id}', async (_req, _url, p) => found(await read({ op: 'incident', id: id(p) }), 'incident')),
    route('GET', '/api/articles/{id}', async (_req, _url, p) => found(await read({ op: 'article', id: id(p) }), 'article')),
    route('POST', '/api/extract', async (req) => {
      const r = ExtractRequest.safeParse(await readJson(req, maxBody));
      if (!r.success) throw new HttpError(400, firstIssue(r.error));
      const b = r.data;
      try {
        return extract(
          {
            source: 'request body',
            text: b.text,
            html: b.html,
            isHtml: b.html !== undefined,
            id: b.id ?? b.url ?? 'request',
            url: b.url ?? null,
            title: b.title ?? null,
            outlet: b.outlet ?? null,
            published: parsePublishedOrThrow(b.published, '"published"') ?? null,
          },
          { includeText: true },
        );
      } catch (e) {
        if (e instanceof InputError) throw new HttpError(400, e.message);
        throw e;
      }
    }),
    route('POST', '/api/ingest', async (req) => {
      try {
        checkToken(req);
      } catch (e) {
        req.resume();
        throw e;
      }
      let articles: IngestArticle[];
      try {
        articles = parseIngest(await readJson(req, maxBody));
        for (const a of articles) parsePublishedOrThrow(a.published, '"published"');
      } catch (e) {
        if (e instanceof HttpError) throw e;
        throw new HttpError(400, e instanceof InputError ? e.message : (e as Error).message);
      }
      const results = [];
      for (const [n, a] of articles.entries()) {
        const item = ingestItem(a, n);
        const raw = rawHash(item.text, item.isHtml ? 'html' : 'text', item.url, item.title, item.outlet, item.published, item.license, null, null, null);
        if (await store.hasRaw(raw)) {
          results.push({ status: 'skipped' as const, reason: 'stored before' });
          continue;
        }
        const x = extractItem(item);
        if (!x.ok) {
          await store.putRejected({ source: item.source, reason: x.reason });
          results.push({ status: 'rejected' as const, reason: x.reason });
          continue;
        }
        const put = await store.putPrepared(x.prepared, { source: item.source, url: item.url ?? x.prepared.article.url, rawHash: raw });
        results.push({ status: put.status, article: put.articleId, events: put.eventIds, incidents: put.incidentIds });
      }
      // Incident summaries are brought up to date now, so that reader threads (read-only) see them.
      await store.flush();
      facets.clear();
      return { results };
    }),
  ];

  const dispatch = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (url.pathname === '/openapi.json' && method === 'GET') {
      openapi ??= JSON.stringify(openApiDocument(version), null, 2);
      return send(res, 200, openapi, 'application/json; charset=utf-8', { 'Cache-Control': 'no-cache' });
    }
    const allowed: string[] = [];
    for (const r of routes) {
      const m = r.pattern.exec(url.pathname);
      if (!m) continue;
      if (r.method !== method) {
        allowed.push(r.method);
        continue;
      }
      const params: Params = {};
      r.keys.forEach((k, i) => (params[k] = m[i + 1]));
      const value = await r.handler(req, url, params);
      if (value instanceof JsonText) return send(res, 200, value.text, 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
      return sendJson(res, 200, value);
    }
    if (allowed.length) {
      req.resume();
      throw new HttpError(405, `${req.method} is not allowed here (use ${allowed.join(' or ')})`, { Allow: allowed.join(', ') });
    }
    if (method === 'GET' && !url.pathname.startsWith('/api/')) {
      const f = files.get(url.pathname);
      if (f) {
        if (req.headers['if-none-match'] === f.etag) {
          res.writeHead(304, { ETag: f.etag });
          return res.end();
        }
        return send(res, 200, f.body, f.type, { ETag: f.etag, 'Cache-Control': 'no-cache' }, f.gzipped);
      }
    }
    req.resume();
    throw new HttpError(404, `no such resource: ${req.method} ${url.pathname}`);
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    dispatch(req, res).catch((e: unknown) => {
      if (res.headersSent) return res.destroy();
      if (e instanceof HttpError) return sendError(res, e.status, e.message, e.headers);
      if (e instanceof BadRequest) return sendError(res, 400, e.message);
      if (e instanceof ReadError && /closing/.test(e.message)) return sendError(res, 503, e.message);
      process.stderr.write(`sitrep serve: ${req.method} ${req.url}: ${(e as Error).stack ?? e}\n`);
      sendError(res, 500, 'internal error');
    });
  };
  return Object.assign(handler, { close: async () => readers?.close() });
}

export interface Running {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Listens on host:port (port 0: any free one) and resolves once listening. */
export function listen(opts: ServeOptions & { port: number; host: string }): Promise<Running> {
  const handler = createHandler(opts);
  const server = createServer({ requestTimeout: 60_000, headersTimeout: 20_000 }, handler);
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      const a = server.address() as AddressInfo;
      const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
      resolve({
        server,
        url: `http://${host}:${a.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }).then(() => handler.close()),
      });
    });
  });
}
