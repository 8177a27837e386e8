// WARC files cut short, damaged in the middle, or not WARC at all: every record is whole or a
// rejection with its offset and reason, never a shorter article; records after a damaged gzip
// member are read.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { warcPieces, type WarcPiece } from './warc.js';
import { produce, type Produced } from './sources.js';

const enc = new TextEncoder();
/** Cut every STEP bytes (SITREP_WARC_STEP=1 for every byte). */
const STEP = Number(process.env.SITREP_WARC_STEP) || 500;

/** Records as warcio writes them: a warcinfo, then pages (and a request), each its own buffer. */
async function records(pages: number, gzip: boolean): Promise<Buffer[]> {
  const { WARCRecord, WARCSerializer } = await import('warcio');
  const body = (s: string) =>
    (async function* () {
      yield enc.encode(s);
    })();
  const recs = [WARCRecord.createWARCInfo({ filename: 'cut.warc' }, { software: 'sitrep test' })];
  for (let i = 0; i < pages; i++) {
    const text = `<!doctype html><html><body><article><p>Report ${i}: shelling hit the district on Monday, killing ${i + 2} people, officials said. ${'More detail about the damage. '.repeat(12)}</p></article></body></html>`;
    recs.push(WARCRecord.create({ url: `https://warc.example/${i}`, date: '2024-05-01T12:00:00Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html' } }, body(text)));
    if (i === 1) recs.push(WARCRecord.create({ url: `https://warc.example/${i}`, date: '2024-05-01T12:00:00Z', type: 'request', httpHeaders: {} }, body('')));
  }
  const out: Buffer[] = [];
  for (const r of recs) out.push(Buffer.from(await WARCSerializer.serialize(r, { gzip })));
  return out;
}

function pieces(dir: string, name: string, bytes: Buffer): WarcPiece[] {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return [...warcPieces(p)];
}

/** The record bytes of a plain serialised record (without the blank line that ends it). */
const body = (r: Buffer) => r.subarray(0, r.length - 4);

async function all(paths: string[]): Promise<Produced[]> {
  const out: Produced[] = [];
  for await (const x of produce(paths)) out.push(x);
  return out;
}

describe('WARC framing', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'sitrep-warc-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a plain .warc cut at every 500th byte: whole records as they were, one rejection for the cut one, counts adding up', async () => {
    const recs = await records(6, false);
    const file = Buffer.concat(recs);
    const starts = recs.map((_, i) => recs.slice(0, i).reduce((n, r) => n + r.length, 0));
    const intact = new Set(recs.map((r) => body(r).toString('latin1')));
    for (let cut = 1; cut < file.length; cut += STEP) {
      const got = pieces(dir, 'cut.warc', file.subarray(0, cut));
      const whole = got.filter((p): p is { record: Buffer; offset: number } => 'record' in p);
      const damaged = got.filter((p) => 'damaged' in p);
      for (const w of whole) assert.ok(intact.has(w.record.toString('latin1')), `cut at ${cut}: a record that differs from the intact one`);
      // Every record the cut file holds, whole or in part, counted once.
      const begun = starts.filter((s) => s < cut).length;
      const cutInside = starts.some((s, i) => s < cut && cut < s + recs[i].length - 4);
      // (A cut in the blank line after a block leaves the record whole.)
      assert.equal(whole.length + damaged.length, begun, `cut at ${cut}`);
      assert.equal(damaged.length, cutInside ? 1 : 0, `cut at ${cut}`);
      if (damaged.length) {
        const d = (damaged[0] as { damaged: { offset: number; reason: string } }).damaged;
        assert.equal(d.offset, starts[begun - 1]);
        assert.match(d.reason, /^cut off/);
      }
    }
  });

  it('a .warc.gz cut at every 500th byte: the same, by gzip member', async () => {
    const recs = await records(6, true);
    const file = Buffer.concat(recs);
    const starts = recs.map((_, i) => recs.slice(0, i).reduce((n, r) => n + r.length, 0));
    const plain = (await records(6, false)).map((r) => body(r).toString('latin1'));
    for (let cut = 1; cut < file.length; cut += STEP) {
      const got = pieces(dir, 'cut.warc.gz', file.subarray(0, cut));
      const whole = got.filter((p): p is { record: Buffer; offset: number } => 'record' in p);
      const damaged = got.filter((p) => 'damaged' in p);
      // warcio stamps each record with a fresh id and date: compare what follows the header.
      for (const w of whole) {
        const page = w.record.toString('latin1').split('\r\n\r\n').slice(1).join('\r\n\r\n');
        assert.ok(plain.some((p) => p.endsWith(page)), `cut at ${cut}`);
      }
      const begun = starts.filter((s) => s < cut).length;
      const cutInside = starts.some((s, i) => s < cut && cut < s + recs[i].length);
      assert.equal(whole.length + damaged.length, begun, `cut at ${cut}`);
      assert.equal(damaged.length, cutInside ? 1 : 0, `cut at ${cut}`);
      if (damaged.length) assert.equal((damaged[0] as { damaged: { offset: number } }).damaged.offset, starts[begun - 1]);
    }
  });

  it('a damaged gzip member costs its own record only: the records after it are read', async () => {
    const recs = await records(4, true);
    const bad = Buffer.from(recs[2]);
    for (let i = 30; i < 60; i++) bad[i] ^= 0x5a;
    const file = Buffer.concat([recs[0], recs[1], bad, recs[3], recs[4], recs[5]]);
    const got = pieces(dir, 'hole.warc.gz', file);
    assert.equal(got.filter((p) => 'record' in p).length, 5);
    const damaged = got.filter((p) => 'damaged' in p) as { damaged: { offset: number; reason: string } }[];
    assert.equal(damaged.length, 1);
    assert.equal(damaged[0].damaged.offset, recs[0].length + recs[1].length);
    assert.match(damaged[0].damaged.reason, /gzip member/);
  });

  it('a plain .warc whose record says the wrong length: that record rejected, the next one read', async () => {
    const recs = await records(3, false);
    const wrong = Buffer.from(recs[1].toString('latin1').replace(/Content-Length: (\d+)/, (_m, n) => `Content-Length: ${Number(n) + 7}`), 'latin1');
    const got = pieces(dir, 'wrong.warc', Buffer.concat([recs[0], wrong, recs[2], recs[3]]));
    assert.equal(got.filter((p) => 'record' in p).length, 3);
    const damaged = got.filter((p) => 'damaged' in p) as { damaged: { offset: number; reason: string } }[];
    assert.deepEqual(damaged.map((d) => [d.damaged.offset, d.damaged.reason]), [[recs[0].length, 'the record does not end where its Content-Length (' + (Number(/Content-Length: (\d+)/.exec(recs[1].toString('latin1'))![1]) + 7) + ') says']]);
  });

  it('ingest counts every record once: pages, other records ignored with why, the cut one rejected with its offset', async () => {
    const recs = await records(3, false);
    const file = Buffer.concat(recs);
    const cut = file.subarray(0, file.length - 200);
    const p = join(dir, 'crawl.warc');
    writeFileSync(p, cut);
    const got = await all([p]);
    assert.equal(got.filter((x) => 'item' in x).length, 2);
    assert.deepEqual(got.filter((x) => 'ignored' in x).map((x) => (x as { why: string }).why), ['a WARC warcinfo record', 'a WARC request record']);
    const rejected = got.filter((x) => 'reject' in x).map((x) => (x as { reject: { source: string; reason: string } }).reject);
    assert.equal(rejected.length, 1);
    assert.equal(rejected[0].source, `${p}#record 5 (byte ${file.length - recs[4].length})`);
    assert.match(rejected[0].reason, /^cut off: the record has \d+ of its \d+ bytes$/);
    assert.equal(got.length, recs.length);
  });

  it('a file that is not a WARC is one rejection saying so', async () => {
    const p = join(dir, 'notes.warc');
    writeFileSync(p, 'These are my notes about the crawl, not a WARC file.\n'.repeat(20));
    const got = await all([p]);
    assert.deepEqual(got, [{ reject: { source: p, reason: 'not a WARC file (it starts "These are my notes about")', size: got[0] && 'reject' in got[0] ? got[0].reject.size : 0 } }]);
    const gz = join(dir, 'notes.warc.gz');
    const { gzipSync } = await import('node:zlib');
    writeFileSync(gz, gzipSync('Not a WARC either.\n'));
    const z = await all([gz]);
    assert.equal(z.length, 1);
    assert.match((z[0] as { reject: { reason: string } }).reject.reason, /^not a WARC file/);
  });
});
