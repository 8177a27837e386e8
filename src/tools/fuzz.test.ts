import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzz, formatSummary, generate, type FuzzOptions } from './fuzz.js';

test('the same seed generates the same input', () => {
  assert.deepEqual(generate(42, 5000), generate(42, 5000));
  assert.notDeepEqual(generate(42, 5000), generate(43, 5000));
});

test('a short fuzz run (fixed seed) finds no crash, no invalid document, no overrun, and ingest accounts for every input', async () => {
  const o: FuzzOptions = { seconds: 12, seed: 1515, maxBytes: 30_000, timeLimit: 10, ingest: true };
  const s = await fuzz(o);
  assert.ok(s.runs >= 25, `only ${s.runs} runs`);
  assert.ok(s.ingests >= 1, 'no ingest round');
  assert.deepEqual(s.findings, [], formatSummary(s, o));
});
