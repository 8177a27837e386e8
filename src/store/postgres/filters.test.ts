// How PostgreSQL reads a page after a cursor: the rows below it as one range of the index the page
// walks (a seek), not a filter on a walk from the newest event; the undated rows asked apart.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeCursor } from '../filter.js';
import type { Filter } from '../types.js';
import { eventsPage, incidentsPage } from './filters.js';
import { withSchemaClients, pgDescribe } from './testing.js';

await pgDescribe('PostgreSQL page plans', () => {
  it('seeks to a cursor with a day through the day indexes, events and incidents, and asks the undated rows apart', async () => {
    await withSchemaClients(1, async ([c], t) => {
      await c.query(`SET search_path TO "${t.schema}"`);
      // An empty table is read whole by any plan: only an index plan shows what the index is asked.
      await c.query('SET enable_seqscan = off');
      await c.query('SET enable_bitmapscan = off');
      const plan = async (sql: string, params: unknown[]) =>
        ((await c.query(`EXPLAIN ${sql}`, params)).rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
      const cursor = encodeCursor(19700, 2 ** 51 + 12345);
      for (const [f, index] of [
        [{ cursor }, 'events_day'],
        [{ cursor, country: 'UA' }, 'events_country_day'],
        [{ cursor, q: 'hospital' }, 'events_day'],
      ] as [Filter, string][]) {
        const q = eventsPage({ ...f, limit: 100 });
        const p = await plan(q.sql, q.params);
        assert.match(p, new RegExp(`Index (Only )?Scan using ${index} on events`), p);
        assert.match(p, /Index Cond: .*ROW\(day, id\) < ROW\(/, p);
        assert.ok(q.undated, 'the undated rows, after the dated ones');
        assert.match(await plan(q.undated.sql, q.undated.params), /Index Cond: .*\(day IS NULL\)/);
      }
      for (const [f, index] of [
        [{ cursor }, 'incidents_day'],
        [{ cursor, country: 'UA' }, 'incidents_country_day'],
      ] as [Filter, string][]) {
        const q = incidentsPage({ ...f, limit: 100 });
        const p = await plan(q.sql, q.params);
        assert.match(p, new RegExp(`Index Scan using ${index} on incidents`), p);
        assert.match(p, /Index Cond: .*ROW\(day_start, id\) < ROW\(/, p);
        assert.match(await plan(q.undated!.sql, q.undated!.params), /Index Cond: .*\(day_start IS NULL\)/);
      }
      // A cursor among the undated rows: those below it only, and nothing more to ask.
      const q = eventsPage({ cursor: encodeCursor(null, 2 ** 51 + 12345), limit: 100 });
      assert.equal(q.undated, undefined);
      assert.match(await plan(q.sql, q.params), /Index Cond: .*\(day IS NULL\) AND \(id < /);
    });
  });

  it('reads a page of one kind from its own index in page order, without a sort', async () => {
    await withSchemaClients(1, async ([c], t) => {
      await c.query(`SET search_path TO "${t.schema}"`);
      await c.query('SET enable_seqscan = off');
      await c.query('SET enable_bitmapscan = off');
      const q = eventsPage({ kind: 'air_strike', limit: 100 });
      const p = ((await c.query(`EXPLAIN ${q.sql}`, q.params)).rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
      assert.match(p, /Index (Only )?Scan using events_kind_day on events/, p);
      assert.doesNotMatch(p, /Sort/, p);
    });
  });
});
