// How SQLite reads a page after a cursor: the rows below it as one range of the index the page
// walks (a seek), not a filter on a walk from the newest row; the undated rows asked apart.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { encodeCursor } from '../filter.js';
import type { Filter } from '../types.js';
import { eventsPage, incidentsPage, type PageQuery } from './filters.js';
import { migrate } from './migrations.js';
import { Reads } from './queries.js';

it('seeks to a cursor with a day through the day indexes, events and incidents, and asks the undated rows apart', () => {
  const db = new Database(':memory:');
  migrate(db);
  const counter = new Reads((text) => db.prepare(text)).counter();
  const plan = (q: { sql: string; params: unknown[] }) => (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join('\n');
  const cursor = encodeCursor(19700, 2 ** 51 + 12345);
  const cases: [PageQuery, RegExp, RegExp][] = [
    [eventsPage({ cursor, limit: 100 }, counter), /SEARCH e USING (COVERING )?INDEX events_day \(day<\?\)/, /events_day \(day=\?\)/],
    [eventsPage({ cursor, country: 'UA', limit: 100 }, counter), /SEARCH e USING (COVERING )?INDEX events_country_day \(country3=\? AND day<\?\)/, /events_country_day \(country3=\? AND day=\?\)/],
    [incidentsPage({ cursor, limit: 100 }, counter), /SEARCH i USING INDEX incidents_day \(day_start<\?\)/, /incidents_day \(day_start=\?\)/],
    [incidentsPage({ cursor, country: 'UA', limit: 100 } as Filter, counter), /SEARCH i USING INDEX incidents_country_day \(country3=\? AND day_start<\?\)/, /incidents_country_day \(country3=\? AND day_start=\?\)/],
  ];
  for (const [q, seek, undated] of cases) {
    assert.match(plan(q), seek, q.sql);
    assert.doesNotMatch(plan(q), /TEMP B-TREE/, q.sql);
    assert.ok(q.undated, 'the undated rows, after the dated ones');
    // "day IS NULL" is an equality on the index: SQLite shows it as day=?.
    assert.match(plan(q.undated), undated, q.undated.sql);
  }
  // A cursor among the undated rows: those below it only, and nothing more to ask.
  assert.equal(eventsPage({ cursor: encodeCursor(null, 2 ** 51 + 12345), limit: 100 }, counter).undated, undefined);
});
