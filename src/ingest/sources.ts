// What `sitrep ingest` reads: files and folders, feeds, WARC archives and URLs, turned into one
// stream of articles to extract (or of rejections, for what cannot be read), in a fixed order:
// arguments as given, folder entries sorted by name.
//
//   .txt .text                     one plain-text article
//   .html .htm .xhtml              one HTML page
//   .json                          an object, or an array of objects: {text|html, url, published, outlet, title, id, license}
//   .jsonl .ndjson                 one such object per line
//   .xml .rss .atom                an RSS or Atom feed: one article per item
//   .warc .warc.gz                 response (and resource) records with HTML: one article each
//   http:// https://               fetched (limits and address checks in fetch.ts): a feed or a page
// Files named meta.json / *.meta.json are sidecars (sidecar.ts); hidden files are skipped; other
// extensions inside folders are counted as ignored. Symbolic links are followed (a link back to a
// folder above is a loop: ignored); an unreadable folder, a broken link, a FIFO or socket with an
// article's extension, is a rejection with its reason, and the ingest goes on.
import { createReadStream, readdirSync, readlinkSync, realpathSync, statSync, readFileSync, type Stats } from 'node:fs';
import { createInterface } from 'node:readline';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { MAX_INPUT_BYTES } from '../normalise/index.js';
import { parsePublishedOrThrow } from '../published.js';
import { feedDate, isFeed, parseFeed } from './feeds.js';
import { warcPieces } from './warc.js';
import { safeFetch, type FetchOptions } from './fetch.js';
import { fileSidecarPath, isSidecar, manifestEntry, mergeMeta, readSidecar, type Meta } from './sidecar.js';

export interface Item {
  /** how the input is named in reports: "a.txt", "b.jsonl:12", "feed.xml#item 3", "c.warc.gz#record 7" */
  source: string;
  /** identity when the item has no URL (null: the text is its identity) */
  key: string | null;
  /** the raw input: bytes (files; HTML charset declarations are honoured) or a string */
  bytes?: Buffer;
  text?: string;
  isHtml: boolean;
  id: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  /** given: wins over what an HTML page says */
  published: string | null;
  license: string | null;
  /** used only when the page says nothing (folder sidecars, WARC-Date, a feed's title) */
  fallback: { published: string | null; outlet: string | null; license: string | null };
  /** bytes of input this item accounts for, for progress */
  size: number;
  /** seconds its extraction may take (default 10; 0: no limit) */
  timeLimit?: number;
}

export type Produced =
  | { item: Item }
  | { reject: { source: string; reason: string; size: number } }
  /** not an article: a file of another type, a WARC request record, a symbolic link loop; `why` says which */
  | { ignored: string; why: string }
  /** a container (feed, URL) read without trouble: an earlier rejection of it is void */
  | { read: string };

export interface SourceOptions {
  fetch?: FetchOptions;
}

const TEXT = /\.(txt|text)$/i;
const HTML = /\.(html?|xhtml)$/i;
const JSON1 = /\.json$/i;
const JSONL = /\.(jsonl|ndjson)$/i;
const FEED = /\.(xml|rss|atom)$/i;
const WARC = /\.warc(\.gz)?$/i;
const URL_ARG = /^https?:\/\//i;
/** A .json file or a feed is read whole: this much at most. */
const MAX_WHOLE_FILE = 256 * 1048576;

export function isUrlArg(p: string): boolean {
  return URL_ARG.test(p);
}

function known(name: string): boolean {
  return TEXT.test(name) || HTML.test(name) || JSON1.test(name) || JSONL.test(name) || FEED.test(name) || WARC.test(name);
}

/**
 * Checks the arguments before anything is read (a missing path is a usage error: exit 2) and
 * totals the bytes of the files to read, for the progress bar's ETA.
 */
export function planInputs(paths: string[]): { totalBytes: number; files: number } {
  if (!paths.length) throw new InputError('ingest', 'no input given (files, folders or URLs)');
  let totalBytes = 0;
  let files = 0;
  // Only totals for the progress bar: what cannot be read here is reported when produce() reads it.
  const walk = (dir: string, chain: Set<string>) => {
    const listed = listFolder(dir, chain);
    if (typeof listed === 'string') return;
    for (const e of listed.entries) {
      if (e.kind === 'dir') walk(e.path, listed.chain);
      else if (e.kind === 'file' && known(e.name)) {
        totalBytes += e.size;
        files++;
      }
    }
  };
  for (const p of paths) {
    if (isUrlArg(p)) continue;
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new InputError(p, 'no such file or folder');
    }
    if (st.isDirectory()) walk(p, new Set());
    else {
      totalBytes += st.size;
      files++;
    }
  }
  return { totalBytes, files };
}

/** An entry of a folder as ingest sees it: symbolic links followed to what they point at. */
interface FolderEntry {
  name: string;
  path: string;
  kind: 'dir' | 'file' | 'special' | 'broken' | 'loop';
  size: number;
  /** special: what it is; broken, loop: where the link points */
  what?: string;
}

/**
 * The entries of a folder, sorted by name (hidden files and sidecars left out), or why it cannot
 * be read. `chain`: the real paths of the folders above it, so that a link back up is a loop.
 */
function listFolder(dir: string, chain: Set<string>): { entries: FolderEntry[]; chain: Set<string> } | string {
  let dirents;
  let real: string;
  try {
    real = realpathSync(dir);
    dirents = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    return `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  const below = new Set(chain).add(real);
  const entries: FolderEntry[] = [];
  for (const e of dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.') || isSidecar(e.name)) continue;
    const path = join(dir, e.name);
    let st: Stats;
    try {
      // stat follows a symbolic link to what it points at.
      st = statSync(path);
    } catch {
      let target = '?';
      try {
        target = readlinkSync(path);
      } catch {
        /* vanished */
      }
      entries.push({ name: e.name, path, kind: 'broken', size: 0, what: e.isSymbolicLink() ? target : 'vanished' });
      continue;
    }
    if (st.isDirectory()) {
      let to = path;
      try {
        to = realpathSync(path);
      } catch {
        /* reported when listed */
      }
      entries.push({ name: e.name, path, kind: below.has(to) ? 'loop' : 'dir', size: 0, what: to });
    } else if (st.isFile()) entries.push({ name: e.name, path, kind: 'file', size: st.size });
    else entries.push({ name: e.name, path, kind: 'special', size: 0, what: st.isFIFO() ? 'a FIFO' : st.isSocket() ? 'a socket' : 'a device' });
  }
  return { entries, chain: below };
}

interface Ctx {
  /** folder sidecars from the argument down to the current folder, merged */
  folder: Meta;
  opts: SourceOptions;
}

/** Every article of every input, in order. */
export async function* produce(paths: string[], opts: SourceOptions = {}): AsyncGenerator<Produced> {
  for (const p of paths) {
    if (isUrlArg(p)) {
      yield* fromUrl(p, opts);
      continue;
    }
    const st = statSync(p);
    // A folder's meta.json applies from that folder down; a file named alone gets its own folder's.
    if (st.isDirectory()) yield* fromFolder(p, { folder: {}, opts }, new Set());
    else yield* fromFile(p, st.size, { folder: folderMeta(dirname(resolve(p))), opts }, true);
  }
}

/** The meta.json of one folder merged over `base` (a broken one is reported by fromFolder). */
function folderMeta(dir: string): Meta {
  try {
    return readSidecar(join(dir, 'meta.json'), false);
  } catch {
    return {};
  }
}

async function* fromFolder(dir: string, ctx: Ctx, chain: Set<string>): AsyncGenerator<Produced> {
  let folder = ctx.folder;
  const sidecar = join(dir, 'meta.json');
  let hasSidecar = false;
  try {
    hasSidecar = statSync(sidecar).isFile();
  } catch {
    /* none */
  }
  if (hasSidecar)
    try {
      folder = mergeMeta(ctx.folder, readSidecar(sidecar, false));
    } catch (e) {
      yield { reject: { source: sidecar, reason: (e as Error).message, size: 0 } };
    }
  // An unreadable folder is one rejection; the rest of the ingest goes on.
  const listed = listFolder(dir, chain);
  if (typeof listed === 'string') {
    yield { reject: { source: dir, reason: listed, size: 0 } };
    return;
  }
  for (const e of listed.entries) {
    if (e.kind === 'dir') yield* fromFolder(e.path, { ...ctx, folder }, listed.chain);
    else if (e.kind === 'loop') yield { ignored: e.path, why: 'a symbolic link loop (to a folder above it)' };
    else if (!known(e.name)) yield { ignored: e.path, why: 'not a file type ingest reads' };
    else if (e.kind === 'broken') yield { reject: { source: e.path, reason: e.what === 'vanished' ? 'vanished before it could be read' : `a symbolic link to nothing (${e.what})`, size: 0 } };
    else if (e.kind === 'special') yield { reject: { source: e.path, reason: `not a regular file (${e.what})`, size: 0 } };
    else yield* fromFile(e.path, e.size, { ...ctx, folder }, false);
  }
}

function fileMeta(path: string): Meta | string {
  const side = fileSidecarPath(path);
  if (!side) {
    try {
      return manifestEntry(path) ?? {};
    } catch (e) {
      return (e as Error).message;
    }
  }
  try {
    return readSidecar(side, true);
  } catch (e) {
    return `${side}: ${(e as Error).message}`;
  }
}

function readWhole(path: string, limit: number): Buffer | string {
  try {
    const st = statSync(path);
    if (st.size > limit) return `too large: ${(st.size / 1048576).toFixed(1)} MB (limit ${limit / 1048576} MB)`;
    return readFileSync(path);
  } catch (e) {
    return `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}

function looksLikeHtml(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1024).toString('utf8').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(body|article|div|p)[\s>]/.test(head);
}

const fallbackOf = (m: Meta) => ({ published: m.published ?? null, outlet: m.outlet ?? null, license: m.license ?? null });

async function* fromFile(path: string, size: number, ctx: Ctx, explicit: boolean): AsyncGenerator<Produced> {
  const own = fileMeta(path);
  if (typeof own === 'string') {
    yield { reject: { source: path, reason: own, size } };
    return;
  }
  const abs = resolve(path);
  const name = basename(path);
  if (JSONL.test(name)) return yield* fromJsonLines(path, size, own, ctx);
  if (WARC.test(name)) return yield* fromWarc(path, size, own, ctx);
  const bytes = readWhole(path, JSON1.test(name) || FEED.test(name) ? MAX_WHOLE_FILE : MAX_INPUT_BYTES);
  if (typeof bytes === 'string') {
    yield { reject: { source: path, reason: bytes, size } };
    return;
  }
  if (JSON1.test(name)) return yield* fromJsonFile(path, bytes, own, ctx);
  if (FEED.test(name) || (explicit && !TEXT.test(name) && !HTML.test(name) && isFeed(bytes.subarray(0, 4096).toString('utf8')))) {
    return yield* fromFeed(path, bytes.toString('utf8'), bytes.length, own, ctx);
  }
  const isHtml = HTML.test(name) || (!TEXT.test(name) && looksLikeHtml(bytes));
  yield {
    item: {
      source: path,
      key: `file:${abs}`,
      bytes,
      isHtml,
      id: own.id ?? path,
      url: own.url ?? null,
      title: own.title ?? null,
      outlet: own.outlet ?? null,
      published: own.published ?? null,
      license: own.license ?? null,
      fallback: fallbackOf(ctx.folder),
      size: bytes.length,
    },
  };
}

const STRING_FIELDS = ['text', 'html', 'url', 'title', 'outlet', 'published', 'license'] as const;

/** One JSON object as an item, or the reason it cannot be one. */
function jsonItem(o: unknown, source: string, abs: string, own: Meta, ctx: Ctx, size: number): Produced {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return { reject: { source, reason: 'expected a JSON object', size } };
  const r = o as Record<string, unknown>;
  for (const k of STRING_FIELDS)
    if (r[k] !== undefined && r[k] !== null && typeof r[k] !== 'string') return { reject: { source, reason: `field "${k}" must be a string`, size } };
  if (typeof r.text !== 'string' && typeof r.html !== 'string') return { reject: { source, reason: 'needs a "text" or an "html" field', size } };
  let published: string | null;
  try {
    published = parsePublishedOrThrow((r.published as string | undefined) ?? own.published, '"published"') ?? null;
  } catch (e) {
    return { reject: { source, reason: (e as Error).message, size } };
  }
  const id = r.id !== undefined && r.id !== null ? String(r.id) : undefined;
  const url = (r.url as string | undefined) ?? null;
  return {
    item: {
      source,
      // Without a URL an id names the article; without either, its text does.
      key: url ? null : id !== undefined ? `file:${abs}#id=${id}` : null,
      text: (r.html as string | undefined) ?? (r.text as string),
      isHtml: typeof r.html === 'string',
      id: id ?? source,
      url,
      title: (r.title as string | undefined) ?? own.title ?? null,
      outlet: (r.outlet as string | undefined) ?? own.outlet ?? null,
      published,
      license: (r.license as string | undefined) ?? own.license ?? null,
      fallback: fallbackOf(ctx.folder),
      size,
    },
  };
}

async function* fromJsonFile(path: string, bytes: Buffer, own: Meta, ctx: Ctx): AsyncGenerator<Produced> {
  let o: unknown;
  try {
    o = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    yield { reject: { source: path, reason: `not valid JSON (${(e as Error).message})`, size: bytes.length } };
    return;
  }
  const abs = resolve(path);
  if (Array.isArray(o)) {
    const per = Math.floor(bytes.length / Math.max(1, o.length));
    for (const [k, x] of o.entries()) yield jsonItem(x, `${path}[${k}]`, abs, own, ctx, per);
  } else yield jsonItem(o, path, abs, own, ctx, bytes.length);
}

async function* fromJsonLines(path: string, size: number, own: Meta, ctx: Ctx): AsyncGenerator<Produced> {
  const abs = resolve(path);
  let n = 0;
  let stream;
  try {
    stream = createReadStream(path);
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    for await (const line of lines) {
      n++;
      const bytes = Buffer.byteLength(line) + 1;
      if (!line.trim()) continue;
      const source = `${path}:${n}`;
      if (bytes > MAX_INPUT_BYTES) {
        yield { reject: { source, reason: `line too long: ${(bytes / 1048576).toFixed(1)} MB`, size: bytes } };
        continue;
      }
      let o: unknown;
      try {
        o = JSON.parse(line);
      } catch (e) {
        yield { reject: { source, reason: `not valid JSON (${(e as Error).message})`, size: bytes } };
        continue;
      }
      yield jsonItem(o, source, abs, own, ctx, bytes);
    }
  } catch (e) {
    yield { reject: { source: n ? `${path}:${n}` : path, reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, size: 0 } };
  } finally {
    stream?.destroy();
  }
  void size;
}

async function* fromFeed(source: string, xml: string, size: number, own: Meta, ctx: Ctx): AsyncGenerator<Produced> {
  let feed;
  try {
    feed = parseFeed(xml);
  } catch (e) {
    yield { reject: { source, reason: (e as Error).message, size } };
    return;
  }
  if (!feed.items.length) {
    yield { reject: { source, reason: 'the feed has no items', size } };
    return;
  }
  yield { read: source };
  const per = Math.floor(size / feed.items.length);
  for (const it of feed.items) {
    const src = `${source}#item ${it.n}`;
    if (!it.body.trim()) {
      yield { reject: { source: src, reason: 'the item has no content, description or summary', size: per } };
      continue;
    }
    yield {
      item: {
        source: src,
        key: it.url ? null : it.guid ? `feed:${it.guid}` : null,
        text: it.body,
        isHtml: it.isHtml,
        id: it.guid ?? it.url ?? src,
        url: it.url,
        title: it.title,
        // An item is a fragment with no page metadata: the feed's title is its outlet.
        outlet: own.outlet ?? feed.title ?? ctx.folder.outlet ?? null,
        published: it.published ?? own.published ?? ctx.folder.published ?? null,
        license: own.license ?? null,
        fallback: fallbackOf(ctx.folder),
        size: per,
      },
    };
  }
}

async function* fromWarc(path: string, size: number, own: Meta, ctx: Ctx): AsyncGenerator<Produced> {
  const { WARCParser } = await import('warcio');
  let n = 0;
  let reported = 0;
  let records = 0;
  // Progress by file offsets (of gzip members in a .warc.gz): what each piece accounts for.
  const advance = (to: number) => {
    const d = Math.max(0, to - reported);
    reported = Math.max(reported, to);
    return d;
  };
  let pieces;
  try {
    pieces = warcPieces(path);
  } catch (e) {
    yield { reject: { source: path, reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, size } };
    return;
  }
  try {
    for (const piece of pieces) {
      n++;
      if ('damaged' in piece) {
        const { offset, reason } = piece.damaged;
        // Nothing WARC at the very start and no record at all: the file is not a WARC.
        if (offset === 0 && !records && reason.startsWith('no WARC record here'))
          yield { reject: { source: path, reason: `not a WARC file (${reason.replace(/^no WARC record here \(/, '').replace(/\)$/, '')})`, size: advance(size) } };
        else yield { reject: { source: `${path}#record ${n} (byte ${offset})`, reason, size: advance(offset) } };
        continue;
      }
      records++;
      const source = `${path}#record ${n}`;
      const at = advance(piece.offset);
      let rec;
      try {
        const it = WARCParser.iterRecords([piece.record, Buffer.from('\r\n\r\n')])[Symbol.asyncIterator]();
        rec = (await it.next()).value;
      } catch (e) {
        yield { reject: { source: `${source} (byte ${piece.offset})`, reason: `an unreadable WARC record (${(e as Error).message})`, size: at } };
        continue;
      }
      if (!rec) {
        yield { reject: { source: `${source} (byte ${piece.offset})`, reason: 'an unreadable WARC record', size: at } };
        continue;
      }
      const type = rec.warcType;
      if (type !== 'response' && type !== 'resource') {
        yield { ignored: source, why: `a WARC ${type ?? 'untyped'} record` };
        continue;
      }
      const ctype = (type === 'response' ? rec.httpHeaders?.headers.get('content-type') : rec.warcContentType) ?? '';
      const status = type === 'response' ? Number(rec.httpHeaders?.statusCode ?? 0) : 200;
      if (!/^(text\/html|application\/xhtml\+xml)/i.test(ctype.trim())) {
        yield { ignored: source, why: 'a WARC record that is not an HTML page' };
        continue;
      }
      if (status !== 200) {
        yield { ignored: source, why: 'a WARC response other than 200 OK' };
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = Buffer.from(await rec.readFully(true));
      } catch (e) {
        yield { reject: { source: `${source} (byte ${piece.offset})`, reason: `the page in the record cannot be decoded (${(e as Error).message})`, size: at } };
        continue;
      }
      const date = feedDate(rec.warcDate ?? null);
      yield {
        item: {
          source,
          key: null,
          bytes,
          isHtml: true,
          id: rec.warcTargetURI ?? source,
          url: rec.warcTargetURI ?? null,
          title: null,
          outlet: own.outlet ?? null,
          published: own.published ?? null,
          license: own.license ?? null,
          // The crawl date: the page's own date, when it has one, is better.
          fallback: { published: date ?? ctx.folder.published ?? null, outlet: ctx.folder.outlet ?? null, license: ctx.folder.license ?? null },
          size: at,
        },
      };
    }
  } catch (e) {
    yield { reject: { source: n ? `${path}#record ${n}` : path, reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, size: advance(size) } };
  }
}

async function* fromUrl(url: string, opts: SourceOptions): AsyncGenerator<Produced> {
  let got;
  try {
    got = await safeFetch(url, opts.fetch);
  } catch (e) {
    yield { reject: { source: url, reason: (e as Error).message, size: 0 } };
    return;
  }
  const head = got.body.subarray(0, 4096).toString('utf8');
  if (/xml|rss|atom/i.test(got.contentType) || isFeed(head)) {
    yield* fromFeed(url, got.body.toString('utf8'), got.body.length, {}, { folder: {}, opts });
    return;
  }
  if (!/html/i.test(got.contentType) && !looksLikeHtml(got.body)) {
    yield { reject: { source: url, reason: `neither a feed nor an HTML page (${got.contentType || 'no content type'})`, size: got.body.length } };
    return;
  }
  yield {
    item: {
      source: url,
      key: null,
      bytes: got.body,
      isHtml: true,
      id: got.url,
      url: got.url,
      title: null,
      outlet: null,
      published: null,
      license: null,
      fallback: { published: null, outlet: new URL(got.url).hostname.replace(/^www\./, ''), license: null },
      size: got.body.length,
    },
  };
}
