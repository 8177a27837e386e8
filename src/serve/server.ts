// `sitrep serve`: the HTTP API over a Store and the web UI that reads it. Node's http module and a
// small route table: every route is a function from the request to JSON (or a static file).
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { parsePublishedOrThrow } from '../published.js';
import type { Extracted } from '../ingest/extract-item.js';
import type { RawInput } from '../normalise/index.js';
import { ExtractPool, type ExtractPoolOptions } from './extract-pool.js';
import type { Item } from '../ingest/sources.js';
import { storeErrorCode, type StoreErrorCode } from '../store/errors.js';
import { rawHash } from '../store/hash.js';
import type { Store } from '../store/types.js';
import { ExtractRequest, firstIssue, parseIngest, type IngestArticle } from './bodies.js';
import { HttpError, readJson, safeJson, SECURITY_HEADERS, send, sendError, sendJson, startStream } from './http.js';
import { openApiDocument } from './openapi.js';
import { BadRequest, parseQuery, type ApiQuery } from './params.js';
import { RENDERERS, type Listing } from '../query/format.js';
import { EXPORT_PAGE } from '../query/list.js';
import { movedIdsOf, parseId, storeId, type ItemKind, type MovedIds } from '../query/ids.js';
import { FacetCache } from './query.js';
import { read as readDirect, ReadError, Readers, type ExportPage, type ReadOp } from './readers.js';
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
  /** the extraction pool of POST /api/extract and /api/ingest: workers, time budget per request */
  extract?: ExtractPoolOptions;
  /** where old ids point now (default: the store's own look-up, when it has one): old links redirect */
  movedIds?: MovedIds;
  /** host names served besides loopback names and IP addresses (the Host header; see checkHost) */
  allowHosts?: string[];
}

export const DEFAULT_MAX_BODY = 2 * 1048576;
const DEFAULT_FACET_SCAN = 20_000;

type Params = Record<string, string>;
type Handler = (req: IncomingMessage, url: URL, p: Params) => Promise<unknown> | Streamed;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

function route(method: Route['method'], path: string, handler: Handler): Route {
  const keys: string[] = [];
  const literal = (x: string) => x.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  const pattern = new RegExp('^' + path.split(/(\{\w+\})/).map((part) => (/^\{\w+\}$/.test(part) ? (keys.push(part.slice(1, -1)), '([^/]+)') : literal(part))).join('') + '$');
  return { method, pattern, keys, handler };
}

/** An old link: the item has a new id (a rebuilt or migrated store). */
class Moved {
  constructor(
    readonly kind: ItemKind,
    readonly id: string,
  ) {}
  get location(): string {
    return `/api/${this.kind}s/${encodeURIComponent(this.id)}`;
  }
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

/** HTTP status for each store error code (../store/errors.ts), and the message when not the error's own. */
const STORE_ERRORS: Record<StoreErrorCode, [number, string | null, Record<string, string>?]> = {
  invalid_filter: [400, null],
  not_found: [404, null],
  conflict: [409, 'the write collides with what is stored'],
  busy: [503, 'the store is busy: try again shortly', { 'Retry-After': '5' }],
  unavailable: [503, 'the store cannot be read now'],
  read_only: [503, 'the store cannot be written'],
  disk_full: [507, 'the store is full'],
  corrupt: [500, 'the store is damaged'],
};

/** Store errors that are the caller's fault (a cursor from elsewhere): 400, not 500. */
function storeQueryError(e: unknown): never {
  if (storeErrorCode(e) === 'invalid_filter') throw new HttpError(400, (e as Error).message);
  throw e;
}

/**
 * Names a request may address the server by: loopback names, IP addresses, and those given with
 * --allow-host. A page on another site that rebinds its own name to this machine's address
 * (DNS rebinding) sends its own name as Host: refused, so it cannot read a corpus served on
 * loopback. A request without Host (HTTP/1.0 tools) is no browser's and passes.
 */
export function checkHost(host: string | undefined, allowed: Set<string>): void {
  if (host === undefined) return;
  const m = /^(\[[0-9a-f:.]+\]|[^:]*)(?::\d{1,5})?$/i.exec(host.trim());
  const name = (m?.[1] ?? '').toLowerCase().replace(/\.$/, '');
  if (!name) throw new HttpError(400, `not a host name: "${host.slice(0, 100)}"`);
  if (name === 'localhost' || name.endsWith('.localhost') || isIP(name.replace(/^\[|\]$/g, '')) || allowed.has(name)) return;
  throw new HttpError(403, `host "${name.slice(0, 100)}" is not served here: start the server with --allow-host ${name.slice(0, 100)} to serve it under that name`);
}

/** An answer written to the response as it is made (an export). */
class Streamed {
  constructor(readonly write: (res: ServerResponse) => Promise<void>) {}
}

/** An answer already serialised (by a reader thread). */
class JsonText {
  constructor(readonly text: string | Buffer) {}
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
  // What can fail here comes before the threads start: a failed start must not leave a reader
  // thread keeping the process alive after its error is printed.
  const files = new StaticFiles();
  const version = packageVersion();
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
  /** One page (JSON), or with a format the whole export, streamed a page at a time. */
  const list = (what: Listing, q: ApiQuery): Promise<unknown> | Streamed => {
    if (!q.format) return read({ op: what, q });
    const format = q.format;
    const r = RENDERERS[what][format];
    const page = async (cursor: string | null, limit: number, n: number): Promise<ExportPage> => {
      const op: ReadOp = { op: 'export', what, format, q: { filter: { ...q.filter, cursor, limit }, outlet: q.outlet }, n };
      try {
        return readers ? (JSON.parse((await readers.run(op))!.toString()) as ExportPage) : ((await readDirect(store, op)) as ExportPage);
      } catch (e) {
        return storeQueryError(e);
      }
    };
    return new Streamed(async (res) => {
      let left = q.limit ?? Infinity;
      // The first page is read before the headers go out, so that a store error is still a JSON error.
      let p = await page(null, Math.min(EXPORT_PAGE, left), 0);
      const out = startStream(res, 200, r.type, { 'Content-Disposition': `attachment; filename="sitrep-${what}.${format}"` });
      await out.write(r.head);
      for (;;) {
        await out.write(p.text);
        left -= p.items;
        if (!p.next || left <= 0 || out.closed()) break;
        p = await page(p.next, Math.min(EXPORT_PAGE, left), p.n);
      }
      await out.end(r.tail(p.n));
    });
  };
  const extractor = new ExtractPool(opts.extract);
  const moved = opts.movedIds ?? movedIdsOf(store);
  /** One event, incident or article by its id; an old id the store knows redirects (301) to the new one. */
  const item = async (kind: ItemKind, raw: string): Promise<unknown> => {
    let given: string | null = null;
    try {
      given = parseId(decodeURIComponent(raw));
    } catch {
      /* not percent-encoded properly */
    }
    if (given === null) throw new HttpError(400, `not an id: "${raw.slice(0, 140)}"`);
    const n = storeId(given);
    const value = n === null ? null : await read({ op: kind, id: n });
    if (value !== null) return value;
    const to = await moved?.moved(kind, given);
    if (to && to !== given) return new Moved(kind, to);
    throw new HttpError(404, `no such ${kind}`);
  };
  const allowHosts = new Set((opts.allowHosts ?? []).map((h) => h.toLowerCase()));
  const facets = new FacetCache((q) => read({ op: 'facets', q, scan: facetScan }));
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
    route('GET', '/api/events', (_req, url) => list('events', parseQuery(url.searchParams))),
    route('GET', '/api/events.{format}', (_req, url, p) => list('events', parseQuery(url.searchParams, p.format))),
    route('GET', '/api/incidents', (_req, url) => list('incidents', parseQuery(url.searchParams))),
    route('GET', '/api/incidents.{format}', (_req, url, p) => list('incidents', parseQuery(url.searchParams, p.format))),
    route('GET', '/api/count/{what}', (_req, url, p) => {
      if (p.what !== 'events' && p.what !== 'incidents') throw new HttpError(404, `no such count: "${p.what.slice(0, 40)}" (events or incidents)`);
      const q = parseQuery(url.searchParams);
      if (q.filter.cursor || q.format) throw new BadRequest(`${q.format ? 'format' : 'cursor'}: a count is one number`);
      return read({ op: 'count', what: p.what, q: { filter: { ...q.filter, limit: undefined }, outlet: q.outlet } });
    }),
    route('GET', '/api/facets', (_req, url) => {
      const q = parseQuery(url.searchParams);
      if (q.filter.cursor) throw new BadRequest('cursor: facets are not paged');
      if (q.format) throw new BadRequest('format: facets come as JSON only');
      return facets.get(q);
    }),
    route('GET', '/api/events/{id}', (_req, _url, p) => item('event', p.id)),
    route('GET', '/api/incidents/{id}', (_req, _url, p) => item('incident', p.id)),
    route('GET', '/api/articles/{id}', (_req, _url, p) => item('article', p.id)),
    route('POST', '/api/extract', async (req) => {
      const r = ExtractRequest.safeParse(await readJson(req, maxBody));
      if (!r.success) throw new HttpError(400, firstIssue(r.error));
      const b = r.data;
      let published;
      try {
        published = parsePublishedOrThrow(b.published, '"published"') ?? null;
      } catch (e) {
        if (e instanceof InputError) throw new HttpError(400, e.message);
        throw e;
      }
      const input: RawInput = {
        source: 'request body',
        text: b.text,
        html: b.html,
        isHtml: b.html !== undefined,
        id: b.id ?? b.url ?? 'request',
        url: b.url ?? null,
        title: b.title ?? null,
        outlet: b.outlet ?? null,
        published,
      };
      const [x] = await extractor.run([{ kind: 'extract', input }]);
      if (!x.ok) {
        if (x.input) throw new HttpError(400, x.reason);
        throw new Error(x.reason);
      }
      return x.value;
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
      // Articles stored before are skipped unread; the others are extracted together in the pool
      // (within one time budget), then written one by one on this thread, each its own transaction.
      const items = articles.map(ingestItem);
      const raws = items.map((item) => rawHash(item.text, item.isHtml ? 'html' : 'text', item.url, item.title, item.outlet, item.published, item.license, null, null, null));
      const seen = await Promise.all(raws.map((raw) => store.hasRaw(raw)));
      const todo = items.filter((_x, n) => !seen[n]);
      const extracted = await extractor.run(todo.map((item) => ({ kind: 'ingest' as const, item })));
      const results = [];
      let next = 0;
      for (const [n, item] of items.entries()) {
        if (seen[n]) {
          results.push({ status: 'skipped' as const, reason: 'stored before' });
          continue;
        }
        const r = extracted[next++];
        const x: Extracted = r.ok ? (r.value as Extracted) : { ok: false, reason: r.reason };
        if (!x.ok) {
          await store.putRejected({ source: item.source, reason: x.reason });
          results.push({ status: 'rejected' as const, reason: x.reason });
          continue;
        }
        const put = await store.putPrepared(x.prepared, { source: item.source, url: item.url ?? x.prepared.article.url, rawHash: raws[n] });
        results.push({ status: put.status, article: put.articleId, events: put.eventIds, incidents: put.incidentIds });
      }
      // Incident summaries are brought up to date now, so that reader threads (read-only) see them.
      await store.flush();
      facets.clear();
      return { results };
    }),
  ];

  const dispatch = async (req: IncomingMessage, res: ServerResponse) => {
    checkHost(req.headers.host, allowHosts);
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
      if (value instanceof Streamed) return value.write(res);
      if (value instanceof Moved)
        return sendJson(res, 301, { moved: { kind: value.kind, id: value.id, location: value.location } }, { Location: value.location });
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
      const code = storeErrorCode(e);
      if (code) {
        const [status, message, headers] = STORE_ERRORS[code];
        // The caller's faults say what was wrong with the request; the store's own faults are
        // logged here and said in general words (their messages name the store's path).
        if (status >= 500 || code === 'read_only') process.stderr.write(`sitrep serve: ${req.method} ${req.url}: ${(e as Error).message}\n`);
        return sendError(res, status, message ?? (e as Error).message, headers);
      }
      process.stderr.write(`sitrep serve: ${req.method} ${req.url}: ${(e as Error).stack ?? e}\n`);
      sendError(res, 500, 'internal error');
    });
  };
  return Object.assign(handler, { close: async () => void (await Promise.all([readers?.close(), extractor.close()])) });
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
  // Requests Node refuses before any handler sees them (headers too large, unparsable) get a JSON
  // body too, like every other error.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') return socket.destroy();
    const [status, message] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'request headers too large (the query string included): send a shorter request']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'the request took too long to arrive']
          : [400, 'not a valid HTTP request'];
    const body = safeJson({ error: { status, message } });
    const reason = status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n` +
        Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`).join('') +
        `\r\n${body}`,
    );
  });
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
