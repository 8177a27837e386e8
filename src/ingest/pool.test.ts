// The worker pool survives workers that die: the job they held fails, the others go on.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Pool, PoolTimeout } from './pool.js';
import type { Item } from './sources.js';

const WORKER = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ k, item }) => {
  if (item.source === 'throw') throw new Error('boom');
  if (item.source === 'exit') process.exit(3);
  if (item.source === 'spin') for (;;);
  if (item.source.startsWith('busy ')) { const until = Date.now() + Number(item.source.slice(5)); while (Date.now() < until); }
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

  it('fails a job past its time budget, stops the worker running it, and goes on with the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-pool-'));
    const script = join(dir, 'w.mjs');
    writeFileSync(script, WORKER);
    const pool = new Pool(1, pathToFileURL(script));
    try {
      const spin = pool.run(item('spin'), 300);
      // Queued behind the spinning job, then sent to the worker that replaces the stopped one.
      const after = pool.run(item('after'), 10_000);
      // Waits in the queue past its own budget: never started.
      const waiting = pool.run(item('late'), 100);
      await assert.rejects(waiting, (e: unknown) => e instanceof PoolTimeout && !e.started);
      await assert.rejects(spin, (e: unknown) => e instanceof PoolTimeout && e.started && /longer than 0.3 s/.test(e.message));
      const r = await after;
      assert.equal(!r.ok && r.reason, 'fine: after');
      assert.equal(pool.pending, 0);
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts a run limit from when a worker begins the job, after it says it is ready', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-pool-'));
    const script = join(dir, 'w.mjs');
    // Loading takes 400 ms before the worker announces itself ready.
    writeFileSync(script, `const until = Date.now() + 400; while (Date.now() < until);\n${WORKER}\nparentPort.postMessage({ ready: true });`);
    const pool = new Pool(1, pathToFileURL(script), undefined, { announcesReady: true });
    try {
      // Each waits 400 ms for the worker and the one before it, but runs for less than its limit.
      const first = pool.run(item('busy 300'), undefined, 2000);
      const second = pool.run(item('quick'), undefined, 250);
      const slow = pool.run(item('busy 3000'), undefined, 250);
      const after = pool.run(item('after'), undefined, 2000);
      const a = await first;
      const b = await second;
      assert.equal(!a.ok && a.reason, 'fine: busy 300');
      assert.equal(!b.ok && b.reason, 'fine: quick');
      await assert.rejects(slow, (e: unknown) => e instanceof PoolTimeout && e.started && /longer than 0.25 s/.test(e.message));
      const r = await after;
      assert.equal(!r.ok && r.reason, 'fine: after');
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
