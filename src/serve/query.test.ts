// Facet counts and the outlet filter, computed over Store pages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeFacets } from './query.js';
import { listEvents } from '../query/list.js';
import { fixtureStore, type Fixture } from './testing.js';

let fx: Fixture;
before(async () => (fx = await fixtureStore()));
after(() => fx?.cleanup());

describe('computeFacets', () => {
  it('counts every matching event when the scan can', async () => {
    const f = await computeFacets(fx.store, { filter: {}, outlet: null }, 1000);
    assert.deepEqual([f.total, f.complete], [6, true]);
  });

  it('stops at its bound and says so: the counts are of the newest events', async () => {
    const f = await computeFacets(fx.store, { filter: {}, outlet: null }, 2);
    assert.deepEqual([f.total, f.complete], [2, false]);
    assert.deepEqual(f.day.map((d) => d.value), ['2024-03-10', '2024-03-12']);
    const slow = await computeFacets(fx.store, { filter: {}, outlet: null }, 1000, { budgetMs: -1, pageSize: 4 });
    assert.equal(slow.total, 4);
    assert.equal(slow.complete, false, 'out of time after the first page');
  });

  it('counts only the outlet asked for', async () => {
    const f = await computeFacets(fx.store, { filter: {}, outlet: 'kyiv daily' }, 1000);
    assert.equal(f.total, 2);
    assert.deepEqual(f.outlet, [{ value: 'Kyiv Daily', label: 'Kyiv Daily', count: 2 }]);
  });
});

describe('listEvents with an outlet', () => {
  it('pages through the store, keeping only that outlet, a page at most `limit` long', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p = await listEvents(fx.store, { filter: { limit: 2, cursor }, outlet: 'Kyiv Daily' });
      assert.ok(p.items.length <= 2);
      seen.push(...p.items.map((e) => e.article.outlet ?? ''));
      cursor = p.next;
      pages++;
    } while (cursor && pages < 10);
    assert.deepEqual(seen, ['Kyiv Daily', 'Kyiv Daily']);
  });
});
