// What every response of the server shares: security headers, JSON that is safe to embed, errors
// as `{error: {status, message}}`, and request bodies read with a size limit.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import { createGzip, gzipSync, type Gzip } from 'node:zlib';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

// Scripts and styles only from this server: article text can never run, even if some view
// forgot to escape it. Leaflet positions its panes through element.style, which CSP allows.
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * JSON with <, > and & (and the two line separators JavaScript once disallowed in strings) as
 * \u escapes: the same value, but inert if a browser or proxy ever treats it as HTML.
 */
export function safeJson(value: unknown, pretty = false): string {
  return safeJsonText(JSON.stringify(value, null, pretty ? 2 : undefined));
}

/** safeJson for a value already written out as JSON text. */
export function safeJsonText(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Bodies smaller than this go uncompressed: gzip would save little and cost a call. */
const GZIP_MIN = 4096;

/**
 * Sends a body, gzipped when the client accepts it and it is worth it (`gzipped`: a compressed
 * copy made beforehand, for static files).
 */
export function send(res: ServerResponse, status: number, body: string | Buffer, type: string, headers: Record<string, string> = {}, gzipped?: Buffer): void {
  let out = typeof body === 'string' ? Buffer.from(body) : body;
  const h: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Type': type, Vary: 'Accept-Encoding', ...headers };
  if (out.length >= GZIP_MIN && /\bgzip\b/i.test(String(res.req?.headers['accept-encoding'] ?? ''))) {
    out = gzipped ?? gzipSync(out, { level: 1 });
    h['Content-Encoding'] = 'gzip';
  }
  h['Content-Length'] = String(out.length);
  res.writeHead(status, h);
  res.end(out);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, safeJson(value), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store', ...headers });
}

export function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { status, message } }, headers);
}

/** Bodies larger than this many times the limit are not even drained: the connection is cut. */
const DRAIN_FACTOR = 8;

/**
 * The request body, at most `limit` bytes. A larger one is read to its end (so the client gets
 * to see the 413 rather than a reset connection) but not kept.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit * DRAIN_FACTOR) {
    req.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        if (size > limit * DRAIN_FACTOR) {
          req.destroy();
          reject(tooLarge(limit));
        }
      } else chunks.push(c);
    });
    req.on('end', () => (over ? reject(tooLarge(limit)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, `request body too large (limit ${(limit / 1048576).toFixed(1).replace(/\.0$/, '')} MB)`, { Connection: 'close' });
}

/** The body as JSON, checked to be JSON. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) {
    req.resume();
    throw new HttpError(415, 'send the body as JSON (Content-Type: application/json)');
  }
  const body = await readBody(req, limit);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new HttpError(400, `the body is not valid JSON (${(e as Error).message})`);
  }
}

/** A response written in pieces: gzipped when the client accepts it, each write waiting while the client is behind. */
export interface Stream {
  write(chunk: string): Promise<void>;
  end(last?: string): Promise<void>;
  /** true once the client has gone: stop producing */
  closed(): boolean;
}

export function startStream(res: ServerResponse, status: number, type: string, headers: Record<string, string> = {}): Stream {
  const gzip = /\bgzip\b/i.test(String(res.req?.headers['accept-encoding'] ?? ''));
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, Vary: 'Accept-Encoding', 'Cache-Control': 'no-store', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}), ...headers });
  const sink: Writable = gzip ? createGzip({ level: 4 }) : res;
  if (gzip) (sink as Gzip).pipe(res);
  let gone = false;
  res.once('close', () => {
    gone = true;
    sink.destroy();
  });
  return {
    async write(chunk) {
      if (!chunk || gone) return;
      if (!sink.write(chunk)) await new Promise<void>((done) => {
        sink.once('drain', done);
        res.once('close', done);
      });
    },
    async end(last) {
      if (gone) return;
      await new Promise<void>((done) => {
        res.once('finish', done);
        res.once('close', done);
        sink.end(last ?? '');
      });
    },
    closed: () => gone,
  };
}
