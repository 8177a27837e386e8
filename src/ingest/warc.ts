// WARC framing with damage accounted for: the records of a .warc or .warc.gz file, each whole
// (its header, its block of exactly Content-Length bytes, and the blank line after it), or a
// damaged stretch with its byte offset and the reason. warcio reads a record's fields and HTTP
// payload afterwards (sources.ts); it is never given a record that is cut short, which it would
// read as a shorter article.
//
// A .warc.gz is a series of gzip members, one record each by the standard's recommendation. Each
// member is inflated and checked (CRC and length) on its own, so a damaged member costs only its
// own record: reading resumes at the next gzip member found after it. In a plain .warc, a record
// cut off or a header out of place is resumed at the next line starting "WARC/1.".
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';

export type WarcPiece =
  /** a whole record: header and block, decompressed; `offset`: where it starts in the file (.warc.gz: its gzip member) */
  | { record: Buffer; offset: number }
  /** a stretch that is no record: cut off, not WARC, or a gzip member that does not inflate */
  | { damaged: { offset: number; reason: string } };

/** Records larger than this are not kept in memory: reported, and skipped over. */
export const MAX_RECORD_BYTES = 64 * 1048576;
/** A header (WARC fields) longer than this is not a WARC header. */
const MAX_HEADER_BYTES = 256 * 1024;
/** A gzip member's compressed bytes are read in windows of at least this much, doubled as needed. */
const WINDOW = 4 * 1048576;
/** A gzip member bigger than this is given up on (its record would be skipped anyway). */
const MAX_MEMBER_BYTES = 512 * 1048576;

const CRLF2 = Buffer.from('\r\n\r\n');
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);

/** Reads a file by position, through a window (a member or a header never needs the whole file). */
class Positioned {
  private readonly fd: number;
  readonly size: number;
  private win = Buffer.alloc(0);
  private winStart = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
  }

  /** Up to `len` bytes at `pos` (fewer at the end of the file). */
  bytes(pos: number, len: number): Buffer {
    const end = Math.min(this.size, pos + len);
    if (pos >= this.winStart && end <= this.winStart + this.win.length) return this.win.subarray(pos - this.winStart, end - this.winStart);
    const want = Math.max(end - pos, Math.min(WINDOW, this.size - pos));
    const buf = Buffer.allocUnsafe(want);
    let got = 0;
    while (got < want) {
      const n = readSync(this.fd, buf, got, want - got, pos + got);
      if (n === 0) break;
      got += n;
    }
    this.win = buf.subarray(0, got);
    this.winStart = pos;
    return this.win.subarray(0, Math.min(got, end - pos));
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** The length of the gzip header at the start of b, or a reason it is none (RFC 1952). */
function gzipHeader(b: Buffer): number | string {
  if (b.length < 10) return 'cut off in its gzip header';
  if (b[0] !== 0x1f || b[1] !== 0x8b) return 'not a gzip member';
  if (b[2] !== 8) return `unknown gzip compression method ${b[2]}`;
  const flags = b[3];
  let p = 10;
  if (flags & 4) {
    if (b.length < p + 2) return 'cut off in its gzip header';
    p += 2 + b.readUInt16LE(p);
  }
  for (const bit of [8, 16]) {
    if (!(flags & bit)) continue;
    const z = b.indexOf(0, p);
    if (z < 0) return 'cut off in its gzip header';
    p = z + 1;
  }
  if (flags & 2) p += 2;
  return p <= b.length ? p : 'cut off in its gzip header';
}

type Member = { data: Buffer; next: number } | { reason: string; truncated: boolean };

/** The gzip member at `pos`: its inflated bytes and where the next one starts, or why it cannot be read. */
function member(f: Positioned, pos: number): Member {
  const head = gzipHeader(f.bytes(pos, 65536));
  if (typeof head === 'string') return { reason: head, truncated: head.startsWith('cut off') };
  for (let len = WINDOW; ; len *= 2) {
    const avail = f.bytes(pos + head, len);
    try {
      const r = inflateRawSync(avail, { info: true, maxOutputLength: MAX_RECORD_BYTES + MAX_HEADER_BYTES }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
      const used = r.engine.bytesWritten;
      const trailer = f.bytes(pos + head + used, 8);
      if (trailer.length < 8) return { reason: 'cut off: the gzip member ends without its checksum', truncated: true };
      if (trailer.readUInt32LE(0) !== crc32(r.buffer) >>> 0) return { reason: 'the gzip member fails its checksum (damaged data)', truncated: false };
      if (trailer.readUInt32LE(4) !== r.buffer.length % 2 ** 32) return { reason: 'the gzip member has the wrong length (damaged data)', truncated: false };
      return { data: r.buffer, next: pos + head + used + 8 };
    } catch (e) {
      const msg = (e as Error).message;
      const short = /unexpected end of file/i.test(msg);
      if (short && pos + head + avail.length < f.size && len < MAX_MEMBER_BYTES) continue;
      if (short) return { reason: 'cut off in the middle of a gzip member', truncated: true };
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { reason: `a record larger than ${MAX_RECORD_BYTES / 1048576} MB`, truncated: false };
      return { reason: `a gzip member that does not inflate (${msg})`, truncated: false };
    }
  }
}

/** The next gzip member's start after `from`, or -1. */
function nextMagic(f: Positioned, from: number): number {
  for (let p = from; p < f.size; ) {
    const chunk = f.bytes(p, WINDOW);
    const i = chunk.indexOf(GZIP_MAGIC);
    if (i >= 0) return p + i;
    if (chunk.length < GZIP_MAGIC.length) return -1;
    p += chunk.length - (GZIP_MAGIC.length - 1);
  }
  return -1;
}

/** Content-Length of a WARC header (the bytes before the blank line), or a reason it is no header. */
function headerLength(head: Buffer): number | string {
  const text = head.toString('latin1');
  if (!/^WARC\/\d+\.\d+\r?\n/.test(text)) return `no WARC record here (it starts "${printable(head.subarray(0, 24))}")`;
  const m = /\r?\nContent-Length:[ \t]*(\d{1,15})[ \t]*(\r?\n|$)/i.exec(text);
  if (!m) return 'a WARC header without Content-Length';
  return Number(m[1]);
}

function printable(b: Buffer): string {
  return b.toString('latin1').replace(/[^\x20-\x7e]/g, '·');
}

/**
 * Splits decompressed WARC bytes into records. Bytes come in pieces, each with the file offset
 * they are reported at: the offset of the first byte (plain files) or of the gzip member.
 */
class Framer {
  private buf: Buffer = Buffer.alloc(0);
  /** where the bytes in buf came from: each piece's start in buf, and its offset function */
  private origins: { at: number; offset: (k: number) => number }[] = [];
  /** bytes of an oversized record still to skip, and where it started */
  private skipping = 0;

  push(bytes: Buffer, offset: (k: number) => number): void {
    this.origins.push({ at: this.buf.length, offset });
    this.buf = this.buf.length ? Buffer.concat([this.buf, bytes]) : bytes;
  }

  private offsetOf(i: number): number {
    let o = this.origins[0];
    for (const x of this.origins) if (x.at <= i) o = x;
    return o.offset(i - o.at);
  }

  private drop(n: number): void {
    this.buf = this.buf.subarray(n);
    const kept = this.origins.filter((o) => o.at >= n).map((o) => ({ at: o.at - n, offset: o.offset }));
    const before = this.origins.filter((o) => o.at < n).pop();
    // The piece the cut falls in starts before it: its offsets shift by the bytes dropped.
    if (before && (!kept.length || kept[0].at > 0)) kept.unshift({ at: 0, offset: (k: number) => before.offset(k + n - before.at) });
    this.origins = kept;
  }

  /** Whatever is complete: records, and damaged stretches (after which it resynchronises). */
  *take(): Generator<WarcPiece> {
    for (;;) {
      if (this.skipping) {
        const n = Math.min(this.skipping, this.buf.length);
        this.drop(n);
        this.skipping -= n;
        if (this.skipping) return;
      }
      // Blank lines between records are tolerated.
      let lead = 0;
      while (lead < this.buf.length && (this.buf[lead] === 0x0d || this.buf[lead] === 0x0a)) lead++;
      if (lead) this.drop(lead);
      if (!this.buf.length) return;
      const end = this.buf.indexOf(CRLF2);
      const starts = this.buf.subarray(0, 5).toString('latin1');
      const maybeHeader = starts.length < 5 ? 'WARC/'.startsWith(starts) : starts === 'WARC/';
      // A header not yet complete: wait for more bytes (finish() reports it if none come).
      if (end < 0 && maybeHeader && this.buf.length < MAX_HEADER_BYTES) return;
      const cl = !maybeHeader || end >= 0 ? headerLength(end >= 0 ? this.buf.subarray(0, end) : this.buf.subarray(0, 64)) : 'a WARC header that does not end';
      const at = this.offsetOf(0);
      if (typeof cl === 'string') {
        yield { damaged: { offset: at, reason: cl } };
        this.resync();
        continue;
      }
      const total = end + 4 + cl + 4;
      if (cl > MAX_RECORD_BYTES) {
        yield { damaged: { offset: at, reason: `a record of ${(cl / 1048576).toFixed(0)} MB (more than ${MAX_RECORD_BYTES / 1048576} MB): skipped` } };
        this.skipping = total;
        continue;
      }
      if (this.buf.length < total) return;
      if (!this.buf.subarray(end + 4 + cl, total).equals(CRLF2)) {
        yield { damaged: { offset: at, reason: `the record does not end where its Content-Length (${cl}) says` } };
        this.resync();
        continue;
      }
      const record = Buffer.from(this.buf.subarray(0, end + 4 + cl));
      this.drop(total);
      yield { record, offset: at };
    }
  }

  /** Skips to the next line that starts a WARC record (or to the end of what is buffered). */
  private resync(): void {
    const i = this.buf.indexOf('\nWARC/', 1, 'latin1');
    this.drop(i >= 0 ? i + 1 : this.buf.length);
  }

  /** At the end of the input: what is left is a record cut off. */
  *finish(): Generator<WarcPiece> {
    yield* this.take();
    if (this.skipping) {
      this.skipping = 0;
      return;
    }
    let lead = 0;
    while (lead < this.buf.length && (this.buf[lead] === 0x0d || this.buf[lead] === 0x0a)) lead++;
    if (lead >= this.buf.length) return;
    const at = this.offsetOf(lead);
    const rest = this.buf.subarray(lead);
    const end = rest.indexOf(CRLF2);
    const cl = end >= 0 ? headerLength(rest.subarray(0, end)) : null;
    // Only (part of) the blank line after the block is missing: the record itself is whole.
    if (typeof cl === 'number' && rest.length >= end + 4 + cl && CRLF2.subarray(0, rest.length - end - 4 - cl).equals(rest.subarray(end + 4 + cl)) && rest.length - end - 4 - cl < 4) {
      const record = Buffer.from(rest.subarray(0, end + 4 + cl));
      this.buf = Buffer.alloc(0);
      this.origins = [];
      yield { record, offset: at };
      return;
    }
    const reason =
      typeof cl === 'number'
        ? `cut off: the record has ${Math.max(0, Math.min(cl, rest.length - end - 4))} of its ${cl} bytes`
        : typeof cl === 'string' && cl.startsWith('no WARC')
          ? cl
          : 'cut off in the record header';
    this.buf = Buffer.alloc(0);
    this.origins = [];
    yield { damaged: { offset: at, reason } };
  }

  /** Drops what is buffered (after a damaged gzip member: the record it was part of is lost). */
  reset(): boolean {
    const had = this.buf.length > 0 || this.skipping > 0;
    this.buf = Buffer.alloc(0);
    this.origins = [];
    this.skipping = 0;
    return had;
  }
}

/** The pieces of a WARC file (plain or gzip, told by its first bytes, not its name), in order. */
export function* warcPieces(path: string): Generator<WarcPiece> {
  const f = new Positioned(path);
  try {
    if (f.size === 0) {
      yield { damaged: { offset: 0, reason: 'an empty file' } };
      return;
    }
    const first = f.bytes(0, 3);
    const framer = new Framer();
    if (first.equals(GZIP_MAGIC)) {
      let pos = 0;
      while (pos < f.size) {
        const m = member(f, pos);
        if ('data' in m) {
          const at = pos;
          framer.push(m.data, () => at);
          yield* framer.take();
          pos = m.next;
          continue;
        }
        // The record this member held (or was part of) is lost; the next member may be whole.
        framer.reset();
        yield { damaged: { offset: pos, reason: m.reason } };
        const next = m.truncated ? -1 : nextMagic(f, pos + 1);
        if (next < 0) break;
        pos = next;
      }
      yield* framer.finish();
    } else {
      for (let pos = 0; pos < f.size; ) {
        const chunk = Buffer.from(f.bytes(pos, WINDOW));
        const start = pos;
        framer.push(chunk, (k) => start + k);
        yield* framer.take();
        pos += chunk.length;
      }
      yield* framer.finish();
    }
  } finally {
    f.close();
  }
}
