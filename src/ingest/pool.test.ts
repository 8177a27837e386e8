// The worker pool survives workers that die: the job they held fails, the others go on.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Pool } from './pool.js';
import type { Item } from './sources.js';

const WORKER = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ k, item }) => {
  if (item.source === 'throw') throw new Error('boom');
  if (item.source === 'exit') process.exit(3);
  parentPort.postMessage({ k, result: { ok: false, reason: 'fine: ' + item.source } });
});`;

const item = (source: string) => ({ source }) as Item;

describe('worker pool', () => {
  it('fails only the job of a worker that throws or exits, and replaces the worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-pool-'));
    const script = join(dir, 'w.mjs');
    writeFileSync(script, WORKER);
    const pool = new Pool(2, pathToFileURL(script));
    try {
      const results = await Promise.all(['a', 'throw', 'b', 'exit', 'c', 'd'].map((s) => pool.run(item(s))));
      assert.deepEqual(
        results.map((r) => (r.ok ? 'ok' : r.reason.replace(/:.*/, ''))),
        ['fine', 'extraction crashed', 'fine', 'extraction crashed', 'fine', 'fine'],
      );
      assert.match(!results[3].ok ? results[3].reason : '', /exited with code 3/);
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
