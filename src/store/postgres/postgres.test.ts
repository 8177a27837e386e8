// The store suite on PostgreSQL, plus what only PostgreSQL has: several writers at once.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { storeSuite } from '../store-suite.js';
import { ALEPPO, DAMASCUS, KHARKIV, ODESA, makeDoc } from '../testing.js';
import { PgStore } from './store.js';
import { pgDescribe, tempSchema } from './testing.js';

await pgDescribe('PostgreSQL store', () => {
  storeSuite('PostgreSQL', async () => {
    const t = tempSchema();
    return { store: await PgStore.open(t.url), cleanup: t.cleanup };
  });
});

await pgDescribe('PostgreSQL store, several writers at once', () => {
  it('makes one incident of one story however many writers store its reports at the same moment', async () => {
    const t = tempSchema();
    const writers = await Promise.all([1, 2, 3].map(() => PgStore.open(t.url)));
    try {
      // Twelve stories, each told by three outlets; every report stored at once by its own writer.
      const stories = [DAMASCUS, ALEPPO, KHARKIV, ODESA].flatMap((place, p) =>
        [0, 1, 2].map((d) => ({ place, date: `2024-03-${String(4 + d * 9 + p).padStart(2, '0')}` })),
      );
      await Promise.all(
        stories.flatMap((s, i) =>
          writers.map((w, k) =>
            w.putArticle(
              makeDoc({
                url: `https://outlet${k}.example/${i}`,
                outlet: `Outlet ${k}`,
                published: s.date,
                events: [{ kind: 'air_strike', sentence: `Jets struck ${s.place.name} (report ${k} of story ${i}).`, place: s.place, date: s.date, initiator: { name: 'jets', country: 'ISR' } }],
              }),
              { source: `${k}/${i}` },
            ),
          ),
        ),
      );
      const st = await writers[0].stats();
      assert.deepEqual([st.articles, st.events, st.incidents], [36, 36, 12]);
      for (const i of (await writers[0].incidents({ limit: 100 })).items) assert.equal(i.corroboration, 3, `incident ${i.id}`);
    } finally {
      await Promise.all(writers.map((w) => w.close()));
      await t.cleanup();
    }
  });
});

await pgDescribe('PostgreSQL store, upgraded', () => {
  it('gives a store linked before blocking keys its incident keys and summaries (migration 4), and a new report joins its incident', async () => {
    const t = tempSchema();
    try {
      const report = (n: number, sentence: string) =>
        makeDoc({ url: `https://old.example/${n}`, outlet: `Outlet ${n}`, events: [{ kind: 'air_strike', sentence, place: DAMASCUS, date: '2024-03-04', initiator: { name: 'Israeli jets', country: 'ISR' } }] });
      const s = await PgStore.open(t.url);
      await s.putArticle(report(1, 'Israeli jets struck Damascus on Monday.'), { source: '1' });
      await s.putArticle(report(2, 'Israeli warplanes hit a building in Damascus on Monday.'), { source: '2' });
      // As version 3 left it: no keys, no summaries.
      await s.pool.query(`SET search_path TO "${t.schema}"; DROP TABLE incident_blocks; ALTER TABLE incidents DROP COLUMN link; DELETE FROM schema_migrations WHERE version = 4`);
      await s.close();
      const again = await PgStore.open(t.url);
      try {
        const live = (await again.pool.query(`SELECT id, link FROM "${t.schema}".incidents WHERE merged_into IS NULL AND events > 0`)).rows;
        assert.equal(live.length, 1);
        assert.equal(JSON.parse(live[0].link).n, 2);
        const third = await again.putArticle(report(3, 'Jets of the Israeli air force bombed Damascus on Monday.'), { source: '3' });
        assert.equal((await again.getIncident(third.incidentIds[0]))!.members.length, 3);
      } finally {
        await again.close();
      }
    } finally {
      await t.cleanup();
    }
  });
});
