// kill -9 in the middle of `sitrep ingest`, then run it again: every article is stored exactly once,
// whole (its events with it), and the database is sound.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { article, rng } from '../tools/corpus.js';
import { extractItem } from './extract-item.js';
import { produce } from './sources.js';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'sitrep.js');
const N = 300;

function stored(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const c = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (c.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      c.close();
    }
  } catch {
    return 0; // not created yet, or schema not there yet
  }
}

describe('sitrep ingest killed with SIGKILL', () => {
  it('resumes without losing or repeating anything', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-kill-'));
    try {
      const r = rng(7);
      const lines = Array.from({ length: N }, (_, i) =>
        JSON.stringify({ id: `g${i}`, url: `https://gen.example/${i}`, published: '2024-03-05', outlet: `Outlet ${i % 5}`, text: article(r, 2500) }),
      );
      const input = join(dir, 'corpus.jsonl');
      writeFileSync(input, lines.join('\n') + '\n');
      const db = join(dir, 'kill.db');

      const child = spawn(process.execPath, [BIN, 'ingest', input, '--db', db, '--workers', '2', '--quiet'], { stdio: 'ignore' });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
      let atKill = 0;
      for (let t = 0; t < 1200; t++) {
        await new Promise((res) => setTimeout(res, 50));
        atKill = stored(db);
        if (atKill >= 20) break;
      }
      child.kill('SIGKILL');
      const first = await exited;
      assert.equal(first.signal, 'SIGKILL');
      assert.ok(atKill >= 20 && atKill < N, `killed mid-run (${atKill} of ${N} stored)`);

      const rerun = spawnSync(process.execPath, [BIN, 'ingest', input, '--db', db, '--workers', '2'], { encoding: 'utf8' });
      assert.equal(rerun.status, 0, rerun.stderr);
      const m = /(\d+) new, 0 revised, 0 duplicates, (\d+) stored before, 0 rejected/.exec(rerun.stdout);
      assert.ok(m, rerun.stdout);
      assert.equal(Number(m[1]) + Number(m[2]), N);
      assert.ok(Number(m[2]) >= atKill, 'what was committed before the kill is skipped, not extracted again');

      const c = new Database(db);
      try {
        const one = (sql: string) => (c.prepare(sql).get() as { n: number }).n;
        assert.equal(c.pragma('integrity_check', { simple: true }), 'ok');
        assert.deepEqual(c.pragma('foreign_key_check'), []);
        assert.equal(one('SELECT count(*) AS n FROM articles'), N);
        assert.equal(one('SELECT count(DISTINCT url) AS n FROM articles'), N);
        assert.equal(one('SELECT count(*) AS n FROM revisions'), N, 'each article once, no second revision');
        // Whole: every article has exactly the events its text gives when extracted again here.
        const expected = new Map<string, number>();
        for await (const x of produce([input]))
          if ('item' in x) {
            const r = extractItem(x.item);
            if (r.ok) expected.set(x.item.url!, r.prepared.events.length);
          }
        assert.equal(expected.size, N);
        const rows = c
          .prepare('SELECT a.url, (SELECT count(*) FROM events e WHERE e.revision_id = a.current_revision) AS n FROM articles a')
          .all() as { url: string; n: number }[];
        for (const r of rows) assert.equal(r.n, expected.get(r.url), r.url);
        assert.equal(one("SELECT count(*) AS n FROM events WHERE incident_id IS NULL AND family IS NOT NULL AND family != 'verbal'"), 0, 'every linkable event is in an incident');
      } finally {
        c.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
