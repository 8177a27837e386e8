// Property tests (fast-check) for WARC framing: random records, each gzip-compressed or not, then
// cut short or with a byte flipped. Whatever the damage, reading never throws, every whole record
// yielded is one of the records written (in order), and every damaged stretch has an offset inside
// the file and a reason. Seed: SITREP_FUZZ_SEED (default fixed, so a failure is reproducible);
// runs: SITREP_FUZZ_RUNS.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { warcPieces } from './warc.js';

const SEED = Number(process.env.SITREP_FUZZ_SEED) || 20261207;
const RUNS = Number(process.env.SITREP_FUZZ_RUNS) || 300;

/** A response record as a crawler writes it; `block` without the blank line that ends the record. */
function record(i: number, html: string): { bytes: Buffer; block: Buffer } {
  const http = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`, 'utf8');
  const head = Buffer.from(
    `WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}>\r\n` +
      `WARC-Target-URI: https://props.example/${i}\r\nWARC-Date: 2024-05-01T12:00:00Z\r\n` +
      `Content-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`,
    'latin1',
  );
  const block = Buffer.concat([head, http]);
  return { bytes: Buffer.concat([block, Buffer.from('\r\n\r\n')]), block };
}

const pages = fc.array(fc.string({ unit: 'binary', maxLength: 400 }), { minLength: 1, maxLength: 6 });
const damage = fc.oneof(
  fc.constant({ kind: 'none' as const, at: 0 }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

describe('WARC framing under random damage (property)', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'sitrep-warc-props-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('never throws; whole records are the records written, in order; damage has an offset and a reason', () => {
    let n = 0;
    fc.assert(
      fc.property(pages, fc.boolean(), damage, (htmls, gzip, d) => {
        const recs = htmls.map((h, i) => record(i, h));
        const parts = recs.map((r) => (gzip ? gzipSync(r.bytes) : r.bytes));
        let file = Buffer.concat(parts);
        if (d.kind === 'cut') file = file.subarray(0, Math.floor(d.at * file.length));
        if (d.kind === 'flip' && file.length > 0) {
          file = Buffer.from(file);
          file[Math.min(file.length - 1, Math.floor(d.at * file.length))] ^= 0x41;
        }
        const path = join(dir, `p${n++}.warc${gzip ? '.gz' : ''}`);
        writeFileSync(path, file);
        const got = [...warcPieces(path)];
        const written = recs.map((r) => r.block.toString('latin1'));
        let next = 0;
        for (const p of got) {
          if ('damaged' in p) {
            assert.ok(p.damaged.offset >= 0 && p.damaged.offset <= file.length, `offset ${p.damaged.offset} of ${file.length}`);
            assert.ok(p.damaged.reason.length > 0 && !p.damaged.reason.includes('\n'));
            continue;
          }
          const text = p.record.toString('latin1');
          // A flipped byte inside a plain record's block leaves its framing whole: that record may
          // differ from the one written by that byte, and only there.
          let k = written.indexOf(text, next);
          if (k < 0 && d.kind === 'flip' && !gzip) k = written.findIndex((w, j) => j >= next && w.length === text.length);
          assert.ok(k >= 0, 'a record that was not written, or out of order');
          next = k + 1;
        }
        if (d.kind === 'none') assert.deepEqual(got.map((p) => ('record' in p ? p.record.toString('latin1') : 'damaged')), written);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
