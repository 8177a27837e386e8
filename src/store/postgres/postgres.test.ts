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
