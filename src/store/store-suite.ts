// The behaviour every Store must have, as one suite parameterised by a factory: sqlite.test.ts runs
// it on SQLite; a PostgreSQL store adds a test file that calls storeSuite with its own factory.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isStoreError } from './errors.js';
import type { Store, StoreFactory } from './types.js';
import { ALEPPO, DAMASCUS, KHARKIV, ODESA, SANAA, makeDoc, type DocSpec } from './testing.js';
import { pushAll } from '../arrays.js';
import { prepareArticle } from './prepare.js';

const strike = (over: Partial<DocSpec> = {}): DocSpec => ({
  url: 'https://news.example/strike-1',
  outlet: 'Example News',
  published: '2024-03-05T08:00:00Z',
  events: [
    {
      kind: 'air_strike',
      sentence: 'Israeli warplanes struck a building in Damascus on Monday, killing three people.',
      place: DAMASCUS,
      date: '2024-03-04',
      initiator: { name: 'Israeli warplanes', country: 'ISR' },
      fatalities: 3,
      claimant: 'a military source',
    },
    {
      kind: 'statement',
      sentence: 'The foreign ministry said the attack violated international law.',
      initiator: { name: 'the foreign ministry', country: 'SYR' },
    },
  ],
  ...over,
});

async function withStore(factory: StoreFactory, fn: (s: Store) => Promise<void>): Promise<void> {
  const { store, cleanup } = await factory();
  try {
    await fn(store);
  } finally {
    await store.close();
    await cleanup();
  }
}

export function storeSuite(name: string, factory: StoreFactory): void {
  describe(`Store: ${name}`, () => {
    it('stores a new article with its events, places and text', () =>
      withStore(factory, async (s) => {
        const r = await s.putArticle(makeDoc(strike()), { source: 'a.json' });
        assert.equal(r.status, 'new');
        assert.equal(r.eventIds.length, 2);
        const st = await s.stats();
        assert.deepEqual([st.articles, st.revisions, st.events, st.rejected], [1, 1, 2, 0]);
        const a = await s.getArticle(r.articleId);
        assert.ok(a?.text.startsWith('Israeli warplanes struck'));
        assert.equal(a?.document.events.length, 2);
        const e = await s.getEvent(r.eventIds[0]);
        assert.equal(e?.event.kind, 'air_strike');
        assert.equal(e?.place?.name, 'Damascus');
        assert.equal(e?.country3, 'SYR');
        assert.equal(e?.date, '2024-03-04');
        assert.equal(e?.article.outlet, 'Example News');
      }));

    it('stores the same article twice once: same URL, or same text elsewhere (folded case, quotes and spacing)', () =>
      withStore(factory, async (s) => {
        const doc = makeDoc(strike());
        assert.equal((await s.putArticle(doc, { source: 'a' })).status, 'new');
        assert.equal((await s.putArticle(doc, { source: 'a again' })).status, 'duplicate');
        // Tracking parameters and "www." do not make another article.
        const tracked = makeDoc(strike({ url: 'https://www.news.example/strike-1/?utm_source=x' }));
        assert.equal((await s.putArticle(tracked, { source: 'b' })).status, 'duplicate');
        const copy = makeDoc(strike({ url: 'https://other.example/copy' }));
        copy.article.text = copy.article.text!.replace(/ /g, '  ').replace('Israeli', 'ISRAELI');
        const d = await s.putArticle(copy, { source: 'c' });
        assert.equal(d.status, 'duplicate');
        const st = await s.stats();
        assert.deepEqual([st.articles, st.revisions, st.events], [1, 1, 2]);
        assert.deepEqual((await s.getArticle(d.articleId))?.urls, ['https://news.example/strike-1', 'https://other.example/copy']);
      }));

    it('keeps a changed text at the same URL as a revision, superseding the old events', () =>
      withStore(factory, async (s) => {
        const first = await s.putArticle(makeDoc(strike()), { source: 'v1' });
        const v2 = strike();
        v2.events[0] = { ...v2.events[0], sentence: 'Israeli warplanes struck a building in Damascus on Monday, killing five people.', fatalities: 5 };
        const second = await s.putArticle(makeDoc(v2), { source: 'v2' });
        assert.equal(second.status, 'revision');
        assert.equal(second.articleId, first.articleId);
        const st = await s.stats();
        assert.deepEqual([st.articles, st.revisions, st.events, st.superseded], [1, 2, 2, 2]);
        const a = await s.getArticle(first.articleId);
        assert.deepEqual(a?.revisions.map((r) => [r.n, r.supersededBy === null]), [[1, false], [2, true]]);
        assert.match(a!.text, /five people/);
        const page = await s.events({ kind: 'air_strike' });
        assert.deepEqual(page.items.map((e) => e.event.fatalities?.total), [5]);
        // The old events are kept, marked superseded.
        const old = await s.getEvent(first.eventIds[0]);
        assert.equal(old?.superseded, true);
      }));

    it('never replaces the clean URL of an article by a tracking variant, and stores none', () =>
      withStore(factory, async (s) => {
        const first = await s.putArticle(makeDoc(strike()), { source: 'v1' });
        const v2 = strike({ url: 'https://news.example/strike-1?utm_source=feed&utm_medium=rss&fbclid=abc' });
        v2.events[0] = { ...v2.events[0], sentence: 'Israeli warplanes struck a building in Damascus on Monday, killing four people.' };
        const second = await s.putArticle(makeDoc(v2), { source: 'v2' });
        assert.equal(second.status, 'revision');
        assert.equal((await s.getArticle(first.articleId))?.url, 'https://news.example/strike-1');
        // Met first at a shared link: stored without its tracking parameters (others kept).
        const shared = await s.putArticle(makeDoc(strike({ url: 'https://news.example/other?id=7&gclid=x&utm_campaign=y', lead: 'Another story.' })), { source: 'v3' });
        assert.equal(shared.status, 'new');
        assert.equal((await s.getArticle(shared.articleId))?.url, 'https://news.example/other?id=7');
      }));

    it('identifies articles without a URL by the key given', () =>
      withStore(factory, async (s) => {
        const a = makeDoc(strike({ url: null }));
        assert.equal((await s.putArticle(a, { source: 'x.txt', key: 'file:/x.txt' })).status, 'new');
        const b = makeDoc(strike({ url: null, lead: 'Updated.' }));
        assert.equal((await s.putArticle(b, { source: 'x.txt', key: 'file:/x.txt' })).status, 'revision');
        const c = makeDoc(strike({ url: null, lead: 'Another story.' }));
        assert.equal((await s.putArticle(c, { source: 'y.txt', key: 'file:/y.txt' })).status, 'new');
      }));

    it('knows the raw inputs it has handled, so a re-run can skip them', () =>
      withStore(factory, async (s) => {
        assert.equal(await s.hasRaw('r1'), false);
        await s.putArticle(makeDoc(strike()), { source: 'a', rawHash: 'r1' });
        await s.putArticle(makeDoc(strike({ url: 'https://x.example/copy' })), { source: 'b', rawHash: 'r2' });
        assert.equal(await s.hasRaw('r1'), true);
        assert.equal(await s.hasRaw('r2'), true, 'a duplicate is handled too');
        assert.equal((await s.putArticle(makeDoc(strike()), { source: 'a', rawHash: 'r1' })).status, 'duplicate');
      }));

    it('refuses a document without its text', () =>
      withStore(factory, async (s) => {
        const doc = makeDoc(strike());
        delete doc.article.text;
        await assert.rejects(s.putArticle(doc, { source: 'a' }), /article\.text/);
      }));

    it('writes a batch whole but for an article it refuses: that one is absent, every row of it, and the others linked as if it never came', () =>
      withStore(factory, async (s) => {
        const report = (n: number, outlet: string) =>
          prepareArticle(
            makeDoc(
              strike({
                url: `https://news.example/batch-${n}`,
                outlet,
                events: [{ ...strike().events[0], sentence: `Israeli warplanes struck a building in Damascus on Monday, killing three people, report ${n} said.` }],
              }),
            ),
          );
        const bad = report(2, 'Second News');
        // Fails halfway through the article, after its article, revision and incidents are written.
        (bad.events[0] as { claims: unknown }).claims = null;
        const out = await s.putBatch([
          { prepared: report(1, 'First News'), raw: { source: 'b1', rawHash: 'h1' } },
          { prepared: bad, raw: { source: 'b2', rawHash: 'h2' } },
          { prepared: report(3, 'Third News'), raw: { source: 'b3', rawHash: 'h3' } },
        ]);
        assert.ok(out[1] instanceof Error);
        const [a, c] = [out[0], out[2]];
        assert.ok(!(a instanceof Error) && !(c instanceof Error));
        assert.deepEqual([a.status, c.status], ['new', 'new']);
        assert.deepEqual(a.incidentIds, c.incidentIds, 'the two reports kept are one incident');
        const st = await s.stats();
        assert.deepEqual([st.articles, st.revisions, st.events, st.incidents], [2, 2, 2, 1]);
        assert.deepEqual([await s.hasRaw('h1'), await s.hasRaw('h2'), await s.hasRaw('h3')], [true, false, true]);
        const inc = (await s.incidents()).items[0];
        assert.equal(inc.articles, 2);
      }));

    it('records rejected inputs once per source, and forgets them once stored', () =>
      withStore(factory, async (s) => {
        await s.putRejected({ source: 'bad.txt', reason: 'empty input' });
        await s.putRejected({ source: 'bad.txt', reason: 'empty input: only whitespace' });
        await s.putRejected({ source: 'de.txt', reason: 'not English (de)' });
        assert.equal((await s.stats()).rejected, 2);
        assert.deepEqual((await s.rejected()).map((r) => r.reason).sort(), ['empty input: only whitespace', 'not English (de)']);
        await s.putArticle(makeDoc(strike()), { source: 'bad.txt' });
        assert.deepEqual((await s.rejected()).map((r) => r.source), ['de.txt']);
        await s.clearRejected('de.txt');
        assert.equal((await s.stats()).rejected, 0);
      }));

    it('links reports of one strike from two outlets into one incident, corroborated twice', () =>
      withStore(factory, async (s) => {
        const a = await s.putArticle(makeDoc(strike()), { source: 'a' });
        const b = await s.putArticle(
          makeDoc(
            strike({
              url: 'https://wire.example/damascus',
              outlet: 'Other Wire',
              events: [{ ...strike().events[0], sentence: 'An Israeli air raid hit a residential block in Damascus, a war monitor said.', claimant: 'a war monitor' }],
            }),
          ),
          { source: 'b' },
        );
        assert.deepEqual(a.incidentIds, b.incidentIds);
        const inc = await s.getIncident(a.incidentIds[0]);
        assert.equal(inc?.members.length, 2);
        assert.equal(inc?.corroboration, 2);
        assert.equal(inc?.outlets, 2);
        assert.equal(inc?.country3, 'SYR');
        assert.equal(inc?.location, 'Damascus');
        // A strike elsewhere is another incident; verbal events are not linked at all.
        const c = await s.putArticle(
          makeDoc(strike({ url: 'https://news.example/aleppo', events: [{ ...strike().events[0], sentence: 'Jets hit Aleppo.', place: ALEPPO }] })),
          { source: 'c' },
        );
        assert.notDeepEqual(c.incidentIds, a.incidentIds);
        const statement = await s.getEvent(a.eventIds[1]);
        assert.equal(statement?.incidentId, null);
        assert.deepEqual((await s.incidents({ minCorroboration: 2 })).items.map((i) => i.id), a.incidentIds);
        assert.deepEqual((await s.events({ minCorroboration: 2 })).items.map((e) => e.id).sort(), [a.eventIds[0], b.eventIds[0]].sort());
        assert.equal((await s.stats()).incidents, 2);
      }));

    it('links a report to one dated only by a long range (a month, several years), found through their own indexes', async () => {
      const ranges = [
        { start: '2024-02-10', end: '2024-03-10', precision: 'month' as const },
        { start: '2023-01-01', end: '2024-12-31', precision: 'year' as const },
      ];
      for (const r of ranges)
        await withStore(factory, async (s) => {
          const long = makeDoc(strike({ url: 'https://long.example/1', outlet: 'Long View', events: [strike().events[0]] }));
          long.events[0].time = { ...r, text: 'this year' };
          const a = await s.putArticle(long, { source: 'a' });
          const b = await s.putArticle(makeDoc(strike({ events: [{ ...strike().events[0], sentence: 'Israeli jets struck Damascus on Monday.' }] })), { source: 'b' });
          assert.equal(b.status, 'new');
          assert.deepEqual(b.incidentIds, [(await s.getEvent(a.eventIds[0]))!.incidentId], `${r.start}..${r.end}`);
          // The incident's id follows its smallest member (ids.ts): the first id still leads to it.
          assert.equal((await s.getIncident(a.incidentIds[0]))!.id, b.incidentIds[0]);
        });
    });

    it('merges two incidents when a new report matches both, whatever the order of arrival', async () => {
      // vague: Syria (country level), ISR, the day; near: Damascus, the day, no initiator. Neither
      // is enough alone to match the other; a precise report with the initiator matches both.
      const SYRIA = { name: 'Syria', country: 'SY', lat: 35, lon: 38, precision: 'country' as const };
      const base = { kind: 'air_strike', date: '2024-03-04' };
      const vague = makeDoc({ url: 'https://a.example/1', outlet: 'A', events: [{ ...base, sentence: 'Israel struck Syria.', place: SYRIA, initiator: { name: 'Israel', country: 'ISR' } }] });
      const near = makeDoc({ url: 'https://b.example/1', outlet: 'B', events: [{ ...base, sentence: 'A strike hit Damascus.', place: DAMASCUS }] });
      const exact = makeDoc({ url: 'https://c.example/1', outlet: 'C', events: [{ ...base, sentence: 'Israeli jets hit Damascus.', place: DAMASCUS, initiator: { name: 'Israeli jets', country: 'ISR' } }] });
      const groupsAfter = async (order: typeof vague[]) => {
        let out: string[][] = [];
        await withStore(factory, async (s) => {
          for (const [k, d] of order.entries()) {
            await s.putArticle(d, { source: d.article.url! });
            if (k === 1 && order[2] === exact) assert.equal((await s.stats()).incidents, 2, 'vague and near alone are two incidents');
          }
          const incs = (await s.incidents()).items;
          out = await Promise.all(incs.map(async (i) => (await s.getIncident(i.id))!.members.map((m) => m.article.url!).sort()));
          if (order[2] === exact) assert.equal((await s.getIncident(incs[0].id))?.corroboration, 3);
        });
        return out.sort();
      };
      const together = [['https://a.example/1', 'https://b.example/1', 'https://c.example/1']];
      assert.deepEqual(await groupsAfter([vague, near, exact]), together);
      assert.deepEqual(await groupsAfter([exact, near, vague]), together);
      assert.deepEqual(await groupsAfter([near, exact, vague]), together);
    });

    it('gives the same corpus the same article, event and incident ids in two fresh stores, whatever the order', async () => {
      const SYRIA = { name: 'Syria', country: 'SY', lat: 35, lon: 38, precision: 'country' as const };
      const base = { kind: 'air_strike', date: '2024-03-04' };
      const docs = [
        makeDoc({ url: 'https://a.example/1', outlet: 'A', events: [{ ...base, sentence: 'Israel struck Syria.', place: SYRIA, initiator: { name: 'Israel', country: 'ISR' } }] }),
        makeDoc({ url: 'https://b.example/1', outlet: 'B', events: [{ ...base, sentence: 'A strike hit Damascus.', place: DAMASCUS }] }),
        makeDoc({ url: 'https://c.example/1', outlet: 'C', events: [{ ...base, sentence: 'Israeli jets hit Damascus.', place: DAMASCUS, initiator: { name: 'Israeli jets', country: 'ISR' } }] }),
        makeDoc(strike()),
        makeDoc(strike({ url: 'https://other.example/2', outlet: 'Other Outlet', events: [{ ...strike().events[0], sentence: 'Israeli jets struck Damascus on Monday.' }] })),
      ];
      const idsAfter = async (order: typeof docs) => {
        let out: string[] = [];
        await withStore(factory, async (s) => {
          for (const d of order) await s.putArticle(d, { source: d.article.url! });
          const events = (await s.events({ limit: 1000 })).items;
          out = events.map((e) => [e.article.url, e.event.id, e.article.id, e.id, e.incidentId].join(' ')).sort();
        });
        return out;
      };
      const first = await idsAfter(docs);
      assert.ok(first.length >= 5);
      assert.deepEqual(await idsAfter([...docs].reverse()), first);
      assert.deepEqual(await idsAfter([docs[2], docs[0], docs[4], docs[1], docs[3]]), first);
    });

    it('filters events by dates, country (alpha-2 or alpha-3), kind or family, actor, text and box', () =>
      withStore(factory, async (s) => {
        const docs = [
          strike(),
          {
            url: 'https://news.example/kharkiv',
            outlet: 'Kyiv Daily',
            published: '2024-04-02',
            events: [
              { kind: 'missile_attack', sentence: 'Russian missiles hit Kharkiv overnight, wounding seven.', place: KHARKIV, date: '2024-04-01', initiator: { name: 'Russian forces', country: 'RUS' } },
              { kind: 'interception', sentence: 'Air defences over Odesa shot down drones.', place: ODESA, date: '2024-04-01', initiator: { name: 'Ukrainian air defences', country: 'UKR' }, target: { name: 'Russian drones', country: 'RUS' } },
            ],
          },
          {
            url: 'https://news.example/sanaa',
            outlet: 'Gulf Times',
            published: '2024-02-10',
            events: [{ kind: 'protest', sentence: 'Thousands of Houthi supporters rallied in Sanaa.', place: SANAA, date: '2024-02-09', initiator: { name: 'Houthi supporters', country: 'YEM' } }],
          },
        ];
        for (const [k, d] of docs.entries()) await s.putArticle(makeDoc(d), { source: `d${k}` });
        const kinds = async (f: Parameters<Store['events']>[0]) => (await s.events(f)).items.map((e) => e.event.kind);
        // Newest first; the statement has no time of its own and takes the publication day.
        assert.deepEqual(await kinds({}), ['interception', 'missile_attack', 'statement', 'air_strike', 'protest']);
        assert.deepEqual(await kinds({ from: '2024-03-01', to: '2024-03-31' }), ['statement', 'air_strike']);
        assert.deepEqual(await kinds({ country: 'UA' }), ['interception', 'missile_attack']);
        assert.deepEqual(await kinds({ country: 'UKR' }), ['interception', 'missile_attack']);
        assert.deepEqual(await kinds({ country: 'ukr', kind: 'missile_attack' }), ['missile_attack']);
        assert.deepEqual(await kinds({ kind: 'remote_violence' }), ['interception', 'missile_attack', 'air_strike']);
        assert.deepEqual(await kinds({ kind: ['protest', 'interception'] }), ['interception', 'protest']);
        assert.deepEqual(await kinds({ actor: 'RUS' }), ['interception', 'missile_attack']);
        assert.deepEqual(await kinds({ actor: 'houthi' }), ['protest']);
        assert.deepEqual(await kinds({ q: 'drones' }), ['interception']);
        assert.deepEqual(await kinds({ q: 'kharkiv wounding' }), ['missile_attack']);
        assert.deepEqual(await kinds({ q: '"hit Kharkiv"' }), ['missile_attack']);
        assert.deepEqual(await kinds({ q: 'rall*' }), ['protest']);
        await assert.rejects(kinds({ q: 'AND OR ( "' }), /not supported/, 'operators it does not support are refused, never read as words (../query/search.ts)');
        assert.deepEqual(await kinds({ q: 'wound' }), ['missile_attack'], 'words are stemmed: "wound" finds "wounding"');
        // The outlet, in any case; an incident by any of its reports' outlets.
        assert.deepEqual(await kinds({ outlet: 'kyiv daily' }), ['interception', 'missile_attack']);
        assert.deepEqual(await kinds({ outlet: 'Kyiv Daily', kind: 'interception' }), ['interception']);
        assert.deepEqual(await kinds({ outlet: 'Kyiv' }), [], 'the whole name, not a part of it');
        assert.deepEqual((await s.incidents({ outlet: 'GULF TIMES' })).items.map((i) => i.kind), ['protest']);
        // Ukraine's east only: Kharkiv, not Odesa.
        assert.deepEqual(await kinds({ bbox: [34, 48, 40, 52] }), ['missile_attack']);
        assert.deepEqual(await kinds({ bbox: [30, 10, 50, 50] }), ['interception', 'missile_attack', 'air_strike', 'protest']);
      }));

    it('refuses a cursor or date it cannot read as the caller\'s fault (invalid_filter), and answers null for what does not exist', () =>
      withStore(factory, async (s) => {
        await s.putArticle(makeDoc(strike()), { source: 'a' });
        for (const f of [{ cursor: 'bm90IGEgY3Vyc29y' }, { from: '2024-13-45' }, { to: 'yesterday' }]) {
          await assert.rejects(s.events(f), (e: unknown) => isStoreError(e, 'invalid_filter'), JSON.stringify(f));
          await assert.rejects(s.incidents(f), (e: unknown) => isStoreError(e, 'invalid_filter'), JSON.stringify(f));
        }
        assert.equal(await s.getEvent(987654), null);
        assert.equal(await s.getIncident(987654), null);
        assert.equal(await s.getArticle(987654), null);
      }));

    it('pages through results with a cursor, newest first, each event once', () =>
      withStore(factory, async (s) => {
        for (let k = 0; k < 23; k++)
          await s.putArticle(
            makeDoc({
              url: `https://news.example/${k}`,
              published: `2024-01-${String(1 + (k % 9)).padStart(2, '0')}`,
              events: [{ kind: 'armed_clash', sentence: `Clash number ${k} near Aleppo.`, place: { ...ALEPPO, lat: ALEPPO.lat + k } }],
            }),
            { source: `s${k}` },
          );
        const seen: number[] = [];
        const dates: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const p = await s.events({ limit: 5, cursor });
          // The same page as JSON text (what a server sends) is the objects' JSON, byte for byte.
          const text = await s.eventsJson({ limit: 5, cursor });
          assert.deepEqual([text.items, text.cursor], [p.items.map((e) => JSON.stringify(e)), p.cursor]);
          pushAll(seen, p.items.map((e) => e.id));
          pushAll(dates, p.items.map((e) => e.date!));
          cursor = p.cursor;
          pages++;
        } while (cursor);
        assert.equal(pages, 5);
        assert.equal(new Set(seen).size, 23);
        assert.deepEqual(dates, [...dates].sort().reverse());
        const inc: number[] = [];
        cursor = null;
        do {
          const p = await s.incidents({ limit: 4, cursor });
          pushAll(inc, p.items.map((i) => i.id));
          cursor = p.cursor;
        } while (cursor);
        assert.equal(new Set(inc).size, (await s.stats()).incidents);
      }));

    it('pages on from dated events into undated ones (last), each once, whatever the filter', () =>
      withStore(factory, async (s) => {
        for (let k = 0; k < 9; k++)
          await s.putArticle(
            makeDoc({
              url: `https://news.example/undated-${k}`,
              published: k < 4 ? `2024-02-0${1 + k}` : null,
              events: [{ kind: 'armed_clash', sentence: `Fighting number ${k} went on near Aleppo.`, date: k < 4 ? `2024-02-0${1 + k}` : undefined, place: ALEPPO }],
            }),
            { source: `u${k}` },
          );
        for (const f of [{}, { country: 'SY' }, { q: 'fighting' }]) {
          const all = (await s.events({ ...f, limit: 100 })).items;
          assert.equal(all.length, 9);
          assert.deepEqual(all.slice(4).map((e) => e.date), [null, null, null, null, null]);
          const seen: number[] = [];
          let cursor: string | null = null;
          do {
            const p: Awaited<ReturnType<typeof s.events>> = await s.events({ ...f, limit: 3, cursor });
            pushAll(seen, p.items.map((e) => e.id));
            cursor = p.cursor;
          } while (cursor);
          assert.deepEqual(seen, all.map((e) => e.id), JSON.stringify(f));
        }
      }));
  });
}
