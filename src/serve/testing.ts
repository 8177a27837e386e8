// A small store for the server's tests: hand-made documents (../store/testing.ts) in a temporary
// SQLite file, with one incident reported by two outlets that disagree on the toll, a quote, loaded
// language, and an article whose text and title are HTML that must never run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document } from '../contract.js';
import { SqliteStore } from '../store/sqlite.js';
import { ALEPPO, DAMASCUS, KHARKIV, ODESA, SANAA, makeDoc } from '../store/testing.js';

export const XSS_SCRIPT = '<script>window.__xss=1</script>';
export const XSS_IMG = '<img src=x onerror="window.__xss=1">';

/** Adds a quote and a framing mark for the first occurrence of each string in the text. */
function decorate(doc: Document, quote: { text: string; speaker: string; role?: string } | null, framing: { term: string; gloss: string }[]): Document {
  const text = doc.article.text!;
  if (quote) {
    const at = text.indexOf(quote.text);
    if (at < 0) throw new Error(`fixture: no "${quote.text}" in the text`);
    const span = { start: at, end: at + quote.text.length, text: quote.text };
    doc.quotes.push({ id: `q${doc.quotes.length + 1}`, speaker: { name: quote.speaker, entity: null, role: quote.role ?? null, affiliation: null }, text: quote.text, span, verb: 'said' });
  }
  for (const f of framing) {
    const at = text.indexOf(f.term);
    if (at < 0) throw new Error(`fixture: no "${f.term}" in the text`);
    doc.framing.push({ term: f.term, gloss: f.gloss, span: { start: at, end: at + f.term.length, text: f.term } });
  }
  return doc;
}

export function fixtureDocs(): Document[] {
  const first = makeDoc({
    url: 'https://example-news.example/2024/03/05/damascus',
    outlet: 'Example News',
    title: 'Strike on Damascus suburb kills two',
    published: '2024-03-05',
    lead: 'DAMASCUS, March 5 (Example News) - The strike hit a residential building before dawn.',
    events: [
      {
        kind: 'air_strike',
        sentence: 'The Zionist enemy carried out an air strike on Damascus on Monday, killing two people, a military source said.',
        place: DAMASCUS,
        date: '2024-03-04',
        initiator: { name: 'Israel', country: 'ISR' },
        target: { name: 'Syria', country: 'SYR' },
        fatalities: 2,
        claimant: 'a military source',
        stance: 'reported',
      },
    ],
  });
  const text = first.article.text! + ' "We will respond at the appropriate time," the foreign minister said.';
  first.article.text = text;
  decorate(first, { text: 'We will respond at the appropriate time,', speaker: 'Faisal Mekdad', role: 'foreign minister' }, [{ term: 'The Zionist enemy', gloss: 'Israel' }]);

  const second = makeDoc({
    url: 'https://other-wire.example/damascus-strike',
    outlet: 'Other Wire',
    title: 'Israeli strike near Damascus, four dead - monitor',
    published: '2024-03-05',
    events: [
      {
        kind: 'air_strike',
        sentence: 'An Israeli air strike on Damascus on Monday killed four people, a war monitor said.',
        place: DAMASCUS,
        date: '2024-03-04',
        initiator: { name: 'Israel', country: 'ISR' },
        target: { name: 'Syria', country: 'SYR' },
        fatalities: 4,
        claimant: 'a war monitor',
        stance: 'reported',
      },
    ],
  });

  const ukraine = makeDoc({
    url: 'https://kyiv-daily.example/kharkiv',
    outlet: 'Kyiv Daily',
    title: 'Missiles hit Kharkiv',
    published: '2024-03-11',
    events: [
      {
        kind: 'missile_attack',
        sentence: 'Russian missiles struck Kharkiv on Sunday, killing seven people, the regional governor said.',
        place: KHARKIV,
        date: '2024-03-10',
        initiator: { name: 'Russia', country: 'RUS' },
        target: { name: 'Ukraine', country: 'UKR' },
        fatalities: 7,
        claimant: 'the regional governor',
      },
      {
        kind: 'drone_strike',
        sentence: 'A drone attack on Odesa on Tuesday damaged port buildings.',
        place: ODESA,
        date: '2024-03-12',
        initiator: { name: 'Russia', country: 'RUS' },
        target: { name: 'Ukraine', country: 'UKR' },
        claimant: null,
        stance: 'asserted',
      },
    ],
  });

  const yemen = makeDoc({
    url: 'https://gulf-morning.example/sanaa',
    outlet: 'Gulf Morning',
    title: 'Strikes on Sanaa',
    published: '2024-02-20',
    events: [
      {
        kind: 'air_strike',
        sentence: 'Coalition aircraft struck Sanaa on Monday, the Houthis said, killing one person.',
        place: SANAA,
        date: '2024-02-19',
        initiator: { name: 'the coalition', country: null },
        target: { name: 'the Houthis', country: 'YEM' },
        fatalities: 1,
        claimant: 'the Houthis',
        stance: 'alleged',
      },
    ],
  });

  // Text that is markup: it must be shown as text, never parsed or run.
  const hostile = makeDoc({
    url: 'javascript:window.__xss=1',
    outlet: 'Hostile <b>Outlet</b>',
    title: `Aleppo ${XSS_IMG}`,
    published: '2024-03-01',
    lead: `ALEPPO - ${XSS_SCRIPT} ${XSS_IMG} appeared in the page.`,
    events: [
      {
        kind: 'shelling',
        sentence: `Shelling hit Aleppo on Thursday, killing three, said ${XSS_IMG}.`,
        place: ALEPPO,
        date: '2024-02-29',
        initiator: { name: `<i>gunners</i>`, country: null },
        fatalities: 3,
        claimant: XSS_IMG,
      },
    ],
  });
  return [first, second, ukraine, yemen, hostile];
}

export interface Fixture {
  store: SqliteStore;
  path: string;
  cleanup(): Promise<void>;
}

/** The fixture documents in a new store; `rotated`: the first stored last (a re-ingest of the same corpus, in another order). */
export async function fixtureStore(opts: { rotated?: boolean } = {}): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-serve-'));
  const path = join(dir, 'fixture.db');
  const store = new SqliteStore(path);
  const docs = fixtureDocs().map((doc, i) => ({ doc, source: `fixture-${i + 1}.json` }));
  if (opts.rotated) docs.push(docs.shift()!);
  for (const { doc, source } of docs) await store.putArticle(doc, { source, url: doc.article.url });
  // Summaries written now: reader threads open the file read-only and cannot bring them up to date.
  await store.flush();
  return {
    store,
    path,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
