// The ingest job queue, in the store's own PostgreSQL schema (tables from migration 2 of
// ../store/postgres/migrations.ts). Plain SQL with `FOR UPDATE SKIP LOCKED`, not a queue library:
// a job is completed by the same transaction that stores its article, so a worker killed at any
// moment leaves the article stored and the job gone, or neither (pg-boss completes jobs over its
// own connection, after the work, so a kill in between runs the job twice); and a killed worker's
// job is back in the queue as soon as its connection drops, not after a timeout.
//
// How a worker's death is seen: a worker holds a session advisory lock on each job it claimed.
// PostgreSQL drops the lock when the connection ends (process killed, machine gone); any worker
// finding a running job whose lock it can take knows the claimer is gone and puts the job back.
// Attempts are counted when a job is claimed, so a job that kills its worker every time also ends
// in the dead-letter table, after MAX_ATTEMPTS, like one that fails cleanly.
import type pg from 'pg';

export type Queryable = Pick<pg.ClientBase, 'query'>;

/** A job fails this many times (errors, or its worker dying) before it goes to the dead-letter table. */
export const MAX_ATTEMPTS = 3;

export type JobKind =
  /** an input read by the enqueuer (a file, a feed item, a JSON record), carried whole */
  | 'item'
  /** a URL the worker fetches: a page, or a feed whose items become jobs of their own */
  | 'url';

export interface JobInput {
  kind: JobKind;
  /** how the input is named in reports */
  source: string;
  /** the raw hash (../store/hash.ts) of an item: a job is queued once while it waits */
  rawHash: string | null;
  body: Buffer | null;
  /** what the worker needs besides the body (JSON) */
  meta: Record<string, unknown>;
}

export interface Job extends JobInput {
  id: number;
  /** this claim's token: completing or failing a job checks it, so a job put back and claimed again is not completed twice */
  claim: string;
  /** counting this one */
  attempts: number;
}

/** The advisory lock class of this schema's jobs (two-key form: class, job id). */
const LOCK_CLASS = `hashtext('sitrep.jobs.' || current_schema())`;

/** Queues jobs (items already queued and waiting are not queued twice); returns how many were added. */
export async function enqueue(c: Queryable, jobs: JobInput[]): Promise<number> {
  if (!jobs.length) return 0;
  const r = await c.query(
    `INSERT INTO jobs (kind, source, raw_hash, body, meta)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[], $5::jsonb[])
     ON CONFLICT (raw_hash) DO NOTHING`,
    [jobs.map((j) => j.kind), jobs.map((j) => j.source), jobs.map((j) => j.rawHash), jobs.map((j) => j.body), jobs.map((j) => JSON.stringify(j.meta))],
  );
  await c.query(`SELECT pg_notify('sitrep_jobs_' || current_schema(), '')`);
  return r.rowCount ?? 0;
}

/** The channel workers LISTEN on to hear of new jobs (pg_notify above). */
export async function listenChannel(c: Queryable): Promise<string> {
  return (await c.query(`SELECT 'sitrep_jobs_' || current_schema() AS ch`)).rows[0].ch;
}

/**
 * Claims the oldest job ready to run, on a connection the caller keeps open while it works on it
 * (the connection holds the job's lock); null when none is ready.
 */
export async function claim(c: pg.ClientBase, worker: string): Promise<Job | null> {
  const r = await c.query(
    `UPDATE jobs j SET state = 'running', attempts = j.attempts + 1, claim = gen_random_uuid(), claimed_by = $1, claimed_at = now()
     FROM (SELECT id FROM jobs WHERE state = 'queued' AND run_at <= now() ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) ready
     WHERE j.id = ready.id
     RETURNING j.id, j.kind, j.source, j.raw_hash, j.body, j.meta, j.claim, j.attempts, pg_advisory_lock(${LOCK_CLASS}, (j.id & 2147483647)::int)`,
    [worker],
  );
  if (!r.rows.length) return null;
  const x = r.rows[0];
  return { id: Number(x.id), kind: x.kind, source: x.source, rawHash: x.raw_hash, body: x.body, meta: x.meta, claim: x.claim, attempts: x.attempts };
}

/** Removes a finished job, inside the transaction that stored its result; false when the claim was lost (the job is someone else's now). */
export async function complete(c: Queryable, job: Job): Promise<boolean> {
  const r = await c.query('DELETE FROM jobs WHERE id = $1 AND claim = $2', [job.id, job.claim]);
  return r.rowCount === 1;
}

/** Lets go of a job's lock, once its outcome is committed (on the connection that claimed it). */
export async function release(c: Queryable, job: Job): Promise<void> {
  await c.query(`SELECT pg_advisory_unlock(${LOCK_CLASS}, $1)`, [job.id & 0x7fffffff]);
}

/** Delay before the next attempt after `attempts` failures: base, 4 × base, … */
export function backoffMs(attempts: number, baseMs: number): number {
  return baseMs * 4 ** Math.max(0, attempts - 1);
}

/**
 * Records a failed attempt: the job waits and runs again, or after MAX_ATTEMPTS goes to the
 * dead-letter table. Returns which; null when the claim was lost meanwhile.
 */
export async function fail(c: Queryable, job: Job, error: string, baseDelayMs: number): Promise<'retry' | 'dead' | null> {
  if (job.attempts >= MAX_ATTEMPTS) return (await bury(c, job.id, job.claim, error)) ? 'dead' : null;
  const r = await c.query(
    `UPDATE jobs SET state = 'queued', claim = NULL, claimed_by = NULL, last_error = $3, run_at = now() + make_interval(secs => $4)
     WHERE id = $1 AND claim = $2`,
    [job.id, job.claim, error, backoffMs(job.attempts, baseDelayMs) / 1000],
  );
  return r.rowCount === 1 ? 'retry' : null;
}

/** Moves a job to the dead-letter table (one statement: it is in exactly one of the two). */
async function bury(c: Queryable, id: number, claimToken: string, error: string): Promise<boolean> {
  const r = await c.query(
    `WITH gone AS (DELETE FROM jobs WHERE id = $1 AND claim = $2 RETURNING *)
     INSERT INTO jobs_dead (id, kind, source, raw_hash, body, meta, attempts, last_error, enqueued_at, died_at)
     SELECT id, kind, source, raw_hash, body, meta, attempts, $3, enqueued_at, now() FROM gone`,
    [id, claimToken, error],
  );
  return r.rowCount === 1;
}

/**
 * Puts back the running jobs whose worker is gone (its connection, and so its lock, dropped), or
 * buries those that have now had MAX_ATTEMPTS. Safe to run from any worker at any time: a job whose
 * lock is held, or whose row is being changed, is left alone.
 */
export async function reclaim(c: pg.ClientBase): Promise<{ requeued: number; dead: number }> {
  const out = { requeued: 0, dead: 0 };
  const running = (await c.query(`SELECT id, claim, attempts FROM jobs WHERE state = 'running'`)).rows;
  for (const r of running) {
    const id = Number(r.id);
    const got = (await c.query(`SELECT pg_try_advisory_lock(${LOCK_CLASS}, $1) AS got`, [id & 0x7fffffff])).rows[0].got;
    if (!got) continue;
    try {
      const why = 'its worker stopped while running it (killed, or lost its connection)';
      if (r.attempts >= MAX_ATTEMPTS) {
        if (await bury(c, id, r.claim, `${why}, ${r.attempts} times`)) out.dead++;
      } else {
        // SKIP LOCKED: a claimer that holds the row is alive (it takes the lock in the same statement).
        const q = await c.query(
          `UPDATE jobs SET state = 'queued', claim = NULL, claimed_by = NULL, run_at = now(), last_error = $3
           WHERE id = (SELECT id FROM jobs WHERE id = $1 AND claim = $2 FOR UPDATE SKIP LOCKED)`,
          [id, r.claim, why],
        );
        out.requeued += q.rowCount ?? 0;
      }
    } finally {
      await c.query(`SELECT pg_advisory_unlock(${LOCK_CLASS}, $1)`, [id & 0x7fffffff]);
    }
  }
  return out;
}

export interface QueueCounts {
  /** ready to run now */
  queued: number;
  /** waiting for a retry after a failure */
  retrying: number;
  running: number;
  /** failed MAX_ATTEMPTS times: in the dead-letter table */
  dead: number;
}

export async function queueCounts(c: Queryable): Promise<QueueCounts> {
  const r = await c.query(`SELECT
      count(*) FILTER (WHERE state = 'queued' AND attempts = 0)::int AS queued,
      count(*) FILTER (WHERE state = 'queued' AND attempts > 0)::int AS retrying,
      count(*) FILTER (WHERE state = 'running')::int AS running,
      (SELECT count(*) FROM jobs_dead)::int AS dead
    FROM jobs`);
  return r.rows[0];
}

export interface DeadJob {
  id: number;
  kind: JobKind;
  source: string;
  attempts: number;
  error: string;
  diedAt: string;
}

/** The dead-letter table, latest first. */
export async function deadJobs(c: Queryable, limit = 100): Promise<DeadJob[]> {
  const r = await c.query(
    `SELECT id, kind, source, attempts, last_error, to_char(died_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS died_at
     FROM jobs_dead ORDER BY died_at DESC, id DESC LIMIT $1`,
    [limit],
  );
  return r.rows.map((x) => ({ id: Number(x.id), kind: x.kind, source: x.source, attempts: x.attempts, error: x.last_error, diedAt: x.died_at }));
}

/** Whether any job is left to do (queued, waiting for a retry, or running). */
export async function pending(c: Queryable): Promise<number> {
  return (await c.query('SELECT count(*)::int AS n FROM jobs')).rows[0].n;
}
