// Concurrent writers on one SQLite store: a write waits for another process's lock (saying so
// once) instead of failing, and two `sitrep ingest` runs into one store both finish with every
// article stored once. (The full-size check, 2 × 500 reports ten times and serve with 100 POSTs:
// node dist/tools/concurrent-writers.js.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from './store.js';
import { makeDoc, DAMASCUS } from '../testing.js';
import { serveAndIngest, twoIngests } from '../../tools/concurrent-writers.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Another process holding the store's write lock for `ms`; resolves once it holds it. */
function holdLock(path: string, ms: number): Promise<{ released: Promise<void> }> {
  const script = `const D=require('better-sqlite3');const d=new D(${JSON.stringify(path)});d.exec('BEGIN IMMEDIATE');process.stdout.write('locked\\n');setTimeout(()=>{d.exec('COMMIT');d.close()},${ms});`;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((res) => child.on('close', () => res()));
  return new Promise((res) => child.stdout!.once('data', () => res({ released })));
}

const doc = (n: number) =>
  makeDoc({
    url: `https://writers.example/${n}`,
    outlet: 'Example News',
    published: '2024-03-05T08:00:00Z',
    events: [{ kind: 'air_strike', sentence: `Warplanes struck a depot in Damascus on Monday, killing ${n + 2} people.`, place: DAMASCUS }],
  });

describe('SQLite store with another writer', () => {
  it('waits its turn while another process holds the write lock past busy_timeout, and says so once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-writers-'));
    try {
      const path = join(dir, 'w.db');
      const told: string[] = [];
      const s = new SqliteStore(path, { onWait: (m) => told.push(m) });
      await s.putArticle(doc(1), { source: 'one' });
      const { released } = await holdLock(path, 4500);
      const t0 = Date.now();
      const r = await s.putArticle(doc(2), { source: 'two' });
      assert.equal(r.status, 'new');
      assert.ok(Date.now() - t0 >= 3000, `waited ${Date.now() - t0} ms`);
      assert.equal(told.length, 1);
      assert.match(told[0], /w\.db: another process is writing to this store; waiting for its turn/);
      assert.equal((await s.stats()).articles, 2);
      await s.close();
      await released;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('two `sitrep ingest` runs into one new store at once: both exit 0, every article stored once', { timeout: 240_000 }, async () => {
    const r = await twoIngests(40, 11);
    assert.deepEqual(r.problems, []);
  });

  it('`sitrep serve` holding the store while a CLI ingest writes and POST /api/ingest requests come at once: no 500, every article stored', { timeout: 300_000 }, async () => {
    const r = await serveAndIngest(20, 30, 13);
    assert.deepEqual(r.problems, []);
    assert.equal(r.statuses[200], 30);
  });
});
