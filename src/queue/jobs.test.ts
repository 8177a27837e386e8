// The job queue on PostgreSQL: each job to one worker at a time, retried with back-off, buried
// after MAX_ATTEMPTS, and given back when its worker's connection drops (as when it is killed).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { backoffMs, claim, complete, deadJobs, enqueue, fail, MAX_ATTEMPTS, pending, queueCounts, reclaim, release, type JobInput } from './jobs.js';
import pg from 'pg';
import { parsePgUrl } from '../store/postgres/connect.js';
import { pgDescribe, withSchemaClients } from '../store/postgres/testing.js';

const item = (n: number): JobInput => ({ kind: 'item', source: `a${n}.txt`, rawHash: `raw${n}`, body: Buffer.from(`Text ${n}.`), meta: { n } });

await pgDescribe('Job queue (PostgreSQL)', () => {
  it('queues an input once while it waits, and hands each job to one worker, oldest first', () =>
    withSchemaClients(3, async ([a, b, c]) => {
      assert.equal(await enqueue(a, [item(1), item(2), item(3)]), 3);
      assert.equal(await enqueue(a, [item(2), item(4)]), 1, 'item 2 is already waiting');
      const [x, y] = await Promise.all([claim(b, 'w1'), claim(c, 'w2')]);
      assert.ok(x && y);
      assert.notEqual(x.id, y.id);
      assert.deepEqual([x.id, y.id].sort(), [1, 2]);
      assert.equal(x.attempts, 1);
      assert.deepEqual(x.body, Buffer.from(`Text ${x.meta.n}.`));
      assert.deepEqual(await queueCounts(a), { queued: 2, retrying: 0, running: 2, dead: 0 });
      assert.equal(await complete(b, x), true);
      assert.equal(await complete(b, x), false, 'a claim completes once');
      await release(b, x);
      assert.equal(await pending(a), 3);
    }));

  it('retries a failed job after a back-off, and buries it in the dead-letter table after the last attempt', () =>
    withSchemaClients(1, async ([a]) => {
      assert.deepEqual([1, 2, 3].map((n) => backoffMs(n, 1000)), [1000, 4000, 16000]);
      await enqueue(a, [item(1)]);
      let job = (await claim(a, 'w'))!;
      assert.equal(await fail(a, job, 'boom 1', 60_000), 'retry');
      await release(a, job);
      assert.equal(await claim(a, 'w'), null, 'not before its back-off');
      assert.deepEqual(await queueCounts(a), { queued: 0, retrying: 1, running: 0, dead: 0 });
      for (let n = 2; n <= MAX_ATTEMPTS; n++) {
        await a.query('UPDATE jobs SET run_at = now()');
        job = (await claim(a, 'w'))!;
        assert.equal(job.attempts, n);
        assert.equal(await fail(a, job, `boom ${n}`, 60_000), n < MAX_ATTEMPTS ? 'retry' : 'dead');
        await release(a, job);
      }
      assert.deepEqual(await queueCounts(a), { queued: 0, retrying: 0, running: 0, dead: 1 });
      const [dead] = await deadJobs(a);
      assert.deepEqual([dead.source, dead.attempts, dead.error], ['a1.txt', MAX_ATTEMPTS, `boom ${MAX_ATTEMPTS}`]);
      assert.equal(await enqueue(a, [item(1)]), 1, 'a buried input can be queued again');
    }));

  it('gives a job back when its worker dies, never while the worker lives', () =>
    withSchemaClients(2, async ([a, b]) => {
      await enqueue(a, [item(1)]);
      const job = (await claim(a, 'alive'))!;
      assert.deepEqual(await reclaim(b), { requeued: 0, dead: 0 }, 'the claimer holds its lock');
      assert.equal(await claim(b, 'other'), null);
      // The claimer's connection ends, as when its process is killed.
      await a.end();
      assert.deepEqual(await reclaim(b), { requeued: 1, dead: 0 });
      const again = (await claim(b, 'other'))!;
      assert.equal(again.id, job.id);
      assert.equal(again.attempts, 2);
      assert.notEqual(again.claim, job.claim);
      assert.equal(await complete(b, job), false, 'the dead claim cannot complete it');
      assert.equal(await complete(b, again), true);
    }));

  it('buries a job that kills its worker every time', () =>
    withSchemaClients(1, async ([a], t) => {
      await enqueue(a, [item(1)]);
      const cfg = parsePgUrl(t.url);
      if (typeof cfg === 'string') throw new Error(cfg);
      for (let n = 1; n <= MAX_ATTEMPTS; n++) {
        const doomed = new pg.Client(cfg.config);
        await doomed.connect();
        assert.ok(await claim(doomed, `victim ${n}`));
        await doomed.end();
        assert.deepEqual(await reclaim(a), n < MAX_ATTEMPTS ? { requeued: 1, dead: 0 } : { requeued: 0, dead: 1 });
      }
      assert.match((await deadJobs(a))[0].error, /worker stopped while running it .*3 times/);
    }));
});
