// Two `sitrep worker` processes on one queue, one killed with SIGKILL in the middle of its work and
// a replacement started: every report is stored once, no job is lost, and the reports are grouped
// into incidents exactly as a single writer (`sitrep ingest` on SQLite) groups them.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../ingest/run.js';
import { SqliteStore } from '../store/sqlite.js';
import { pgDescribe, tempSchema } from '../store/postgres/testing.js';
import type { Store } from '../store/types.js';
import { storyReports } from './stories.js';
import { connect, enqueueFiles, figures, startWorker, waitFor } from './testing.js';

const STORIES = 12;
const PER_STORY = 3;
const N = STORIES * PER_STORY;

/** Each incident's member article URLs, through the Store interface: the same for every backend. */
async function groupsOf(s: Store): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await s.incidents({ limit: 500, cursor });
    for (const i of page.items) out.push((await s.getIncident(i.id))!.members.map((m) => m.article.url!).sort().join(' '));
    cursor = page.cursor;
  } while (cursor);
  return out.sort();
}

await pgDescribe('sitrep worker killed with SIGKILL', () => {
  it('loses no job, stores every report once, and links as a single writer does', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-queue-kill-'));
    const t = tempSchema();
    try {
      const input = join(dir, 'stories.jsonl');
      writeFileSync(input, storyReports(STORIES, PER_STORY).map((r) => JSON.stringify(r)).join('\n') + '\n');
      // The reference: one writer, in input order.
      const liteDb = join(dir, 'single.db');
      await ingest([input], { db: liteDb, workers: 0, quiet: true, out: () => {} });
      const lite = new SqliteStore(liteDb, { readonly: true });
      const expected = await groupsOf(lite);
      await lite.close();
      assert.ok(expected.length < N, 'reports of one story are linked');

      assert.match(enqueueFiles(t.url, [input]), new RegExp(`queued ${N} jobs`));
      const c = await connect(t.url);
      try {
        const victim = startWorker(t.url);
        const other = startWorker(t.url);
        // Killed while it holds a job, once some articles are in.
        const busy = await waitFor(async () => {
          const stored = Number((await c.query('SELECT count(*) AS n FROM articles')).rows[0].n);
          const held = (await c.query(`SELECT 1 FROM jobs WHERE state = 'running' AND claimed_by LIKE '%:' || $1`, [String(victim.child.pid)])).rows.length;
          return stored >= 4 && held > 0;
        }, 120_000, 10);
        assert.ok(busy, 'the victim took jobs');
        victim.child.kill('SIGKILL');
        assert.equal((await victim.exited).signal, 'SIGKILL');
        const stored = Number((await c.query('SELECT count(*) AS n FROM articles')).rows[0].n);
        assert.ok(stored < N, `killed mid-run (${stored} of ${N} stored)`);
        const restarted = startWorker(t.url);
        for (const w of [other, restarted]) {
          const done = await w.exited;
          assert.equal(done.code, 0, done.stderr);
        }
        const f = await figures(c);
        assert.deepEqual(
          { articles: f.articles, revisions: f.revisions, rawInputs: f.rawInputs, repeated: f.repeated, jobsLeft: f.jobsLeft, dead: f.dead },
          { articles: N, revisions: N, rawInputs: N, repeated: 0, jobsLeft: 0, dead: 0 },
        );
        assert.equal(f.incidents, expected.length);
        assert.deepEqual(f.groups, expected.filter((g) => g));
      } finally {
        await c.end();
      }
    } finally {
      await t.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
