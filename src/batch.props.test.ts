// Property tests (fast-check) for batch input: any lines (any Unicode, CRLF or LF, blank lines
// between), cut into chunks at any byte, multi-byte characters split included, come out as the same
// non-blank lines with their numbers; any line, JSON or not, is parsed into a record or an error
// message, never a throw. Seed: SITREP_FUZZ_SEED; runs: SITREP_FUZZ_RUNS.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { parseLine, readLines, type InputLine } from './batch.js';

const SEED = Number(process.env.SITREP_FUZZ_SEED) || 20261207;
const RUNS = Number(process.env.SITREP_FUZZ_RUNS) || 200;

// A line's own text: no line feed inside it, no carriage return at its end (that is the CRLF's).
const text = fc.string({ unit: 'grapheme', maxLength: 80 }).map((s) => s.replace(/\n/g, ' ').replace(/\r+$/, ''));
const lineOf = fc.record({ text, crlf: fc.boolean() });

it('lines cut into chunks at any byte come back whole, numbered, blank ones skipped (property)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(lineOf, { maxLength: 12 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), async (ls, cuts) => {
      const bytes = Buffer.from(ls.map((l) => l.text + (l.crlf ? '\r\n' : '\n')).join(''), 'utf8');
      const at = [...new Set(cuts.map((c) => Math.floor(c * bytes.length)))].sort((a, b) => a - b);
      const chunks: Buffer[] = [];
      let from = 0;
      for (const k of [...at, bytes.length]) {
        if (k > from) chunks.push(bytes.subarray(from, k));
        from = Math.max(from, k);
      }
      const got: InputLine[] = [];
      for await (const l of readLines(Readable.from(chunks), 'props')) got.push(l);
      // A blank line is one of spaces, tabs and carriage returns only; a BOM is only skipped at the start.
      const want = ls
        .map((l, i) => ({ line: i + 1, text: l.text }))
        .filter((l) => !/^[ \t\r]*$/.test(l.text))
        .map((l, i) => (i === 0 && l.line === 1 && l.text.startsWith('\ufeff') ? { ...l, text: l.text.slice(1) } : l));
      // A first line that is a lone BOM is blank once the BOM is skipped.
      const expected = want.filter((l) => l.text !== '' && !(l.line === 1 && /^[ \t\r]*$/.test(l.text)));
      assert.deepEqual(got, expected);
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

it('any line is a record or an error message, never a throw (property)', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), (line) => {
      const r = parseLine(line, 1);
      if ('error' in r) assert.ok(typeof r.error === 'string' && r.error.length > 0);
      else assert.ok(typeof r.text === 'string' || typeof r.html === 'string');
    }),
    { seed: SEED, numRuns: RUNS },
  );
});
