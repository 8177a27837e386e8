// `sitrep eval --acled`: reading an ACLED export and scoring notes. The CSV rows here are written
// for these tests (invented events in ACLED's column layout), never taken from ACLED data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, filterByCountry, parseAcledDate, primaryEvent, readAcled, scoreNote, tallyNotes, type AcledRow } from './acled.js';
import type { Document, Event } from '../contract.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'sitrep.js');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-acled-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
  'data_id,iso,event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities';
const ROWS = [
  '1,466,MLI9001,14-March-21,2021,1,Explosions/Remote violence,Remote explosive/landmine/IED,Unidentified Armed Group (Mali),,Military Forces of Mali (2021-),,Mali,Mopti,Douentza,15.0019,-2.9467,1,Test Wire,"On 14 March 2021, a roadside bomb exploded under a Malian army truck near Douentza (Mopti), killing two soldiers.",2',
  '2,170,COL7001,2021-03-15,2021,1,Protests,Peaceful protest,Protesters (Colombia),Teachers (Colombia),,,Colombia,Antioquia,Medellin,6.2518,-75.5636,1,Test Wire,"On 15 March 2021, teachers held a protest in Medellin, demanding higher wages. [size=no report]",0',
  '3,104,MMR5001,16 March 2021,2021,2,Battles,Armed clash,Military Forces of Myanmar (2021-),,KIA: Kachin Independence Army,,Myanmar,Kachin,Hpakant,25.6,96.31,3,Test Wire,"Around 16 March 2021, fighting was reported in Hpakant township.",0',
  '4,104,MMR5002,17-Mar-21,2021,1,Strategic developments,Other,Government of Myanmar (2021-),,,,Myanmar,Yangon,Yangon,16.8,96.15,1,Test Wire,,0',
];
function csv(name: string, lines: string[]): string {
  const p = join(dir, name);
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

test('ACLED dates as exports write them', () => {
  assert.equal(parseAcledDate('2020-05-09'), '2020-05-09');
  assert.equal(parseAcledDate('9-May-20'), '2020-05-09');
  assert.equal(parseAcledDate('09 May 2020'), '2020-05-09');
  assert.equal(parseAcledDate('14-March-2021'), '2021-03-14');
  assert.equal(parseAcledDate('May 9, 2020'), '2020-05-09');
  assert.equal(parseAcledDate('31-Feb-20'), null);
  assert.equal(parseAcledDate('yesterday'), null);
  assert.equal(addDays('2020-12-30', 3), '2021-01-02');
});

test('an export is read with a CSV parser: quoted commas, ids, numbers, empty cells', () => {
  const rows = readAcled(csv('ok.csv', [HEADER, ...ROWS]));
  assert.equal(rows.length, 4);
  assert.equal(rows[0].id, 'MLI9001');
  assert.equal(rows[0].date, '2021-03-14');
  assert.match(rows[0].notes, /Douentza \(Mopti\), killing/);
  assert.equal(rows[0].fatalities, 2);
  assert.equal(rows[1].assocActor1, 'Teachers (Colombia)');
  assert.equal(rows[1].actor2, '');
  assert.equal(rows[2].geoPrecision, 3);
  assert.equal(rows[2].timePrecision, 2);
  assert.equal(rows[3].notes, '');
  assert.deepEqual(filterByCountry(rows, 'MMR,Colombia').map((r) => r.id), ['COL7001', 'MMR5001', 'MMR5002']);
  assert.deepEqual(filterByCountry(rows, 'Myanmar', true).map((r) => r.id), ['MLI9001', 'COL7001']);
});

test('missing files and columns, bad dates and counts are named', () => {
  assert.throws(() => readAcled(join(dir, 'nope.csv')), /nope\.csv: no such file/);
  assert.throws(() => readAcled(dir), /is a directory/);
  assert.throws(() => readAcled(csv('cols.csv', ['event_date,notes,fatalities', '2020-01-01,"x",0'])), /lacks the ACLED columns event_type, sub_event_type, actor1/);
  assert.throws(() => readAcled(csv('date.csv', [HEADER, ROWS[0].replace('14-March-21', 'soon')])), /date\.csv:2: event_date "soon" is not a date/);
  assert.throws(() => readAcled(csv('fat.csv', [HEADER, ROWS[0].replace(/,2$/, ',two')])), /fat\.csv:2: fatalities "two"/);
  assert.throws(() => readAcled(csv('empty.csv', [HEADER])), /has no rows/);
});

const ev = (over: Partial<Event>): Event => ({
  id: 'ev1',
  kind: 'ied_explosion',
  acled: { event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED' },
  plover: null,
  initiator: null,
  target: { name: 'Military of Mali', country: 'MLI', kind: 'military', entity: null },
  location: { place: 'p1', relation: 'near' },
  time: { start: '2021-03-14', end: '2021-03-14', precision: 'day', text: '14 March 2021' },
  fatalities: { total: 2, civilians: null, military: 2, evidence: { start: 0, end: 1, text: 'x' } },
  injuries: null,
  claims: [],
  evidence: [{ start: 0, end: 1, text: 'x' }],
  historical: false,
  mode: 'actual',
  confidence: 0.8,
  ...over,
});
const docOf = (events: Event[]): Document => ({
  schema: 'sitrep/extract@1',
  article: { id: 'a', title: null, outlet: null, url: null, published: null, language: 'en', license: null },
  entities: [],
  places: [{ id: 'p1', name: 'Douentza', country: 'ML', admin1: null, lat: 15.0, lon: -2.95, precision: 'city', geonameid: null, mentions: [] }],
  quotes: [],
  events,
  framing: [],
  warnings: [],
});

test('the primary event is the most confident one not in the background', () => {
  const a = ev({ id: 'a', confidence: 0.6 });
  const b = ev({ id: 'b', confidence: 0.9, historical: true });
  const c = ev({ id: 'c', confidence: 0.7 });
  assert.equal(primaryEvent(docOf([a, b, c]))?.id, 'c');
  assert.equal(primaryEvent(docOf([b])), null);
});

test('a note scored field by field; fatalities summed over events not in the background', () => {
  const row = readAcled(csv('one.csv', [HEADER, ROWS[0]]))[0];
  const right = scoreNote(row, docOf([ev({})]));
  assert.deepEqual(
    right.outcomes.map((o) => [o.field, o.right]),
    [
      ['event_type', true],
      ['sub_event_type', true],
      ['actor1', false],
      ['actor2', true],
      ['location', true],
      ['date', true],
      ['fatalities', true],
    ],
  );
  // A second event in the same note adds its dead; a background one does not.
  const more = scoreNote(row, docOf([ev({}), ev({ id: 'e2', confidence: 0.5 }), ev({ id: 'e3', historical: true })]));
  assert.equal(more.outcomes.find((o) => o.field === 'fatalities')?.got, '4');
  const none = scoreNote(row, docOf([]));
  assert.ok(none.noEvent);
  assert.ok(none.outcomes.every((o) => !o.right));
  const t = tallyNotes([right, none]);
  assert.equal(t.noEvent, 1);
  assert.deepEqual(t.fields.event_type, { right: 1, scored: 2 });
});

test('location only on rows placed to the town or district, date only on rows dated to the day', () => {
  const fuzzy = readAcled(csv('fuzzy.csv', [HEADER, ROWS[2]]))[0] as AcledRow;
  const fields = scoreNote(fuzzy, docOf([])).outcomes.map((o) => o.field);
  assert.ok(!fields.includes('location'));
  assert.ok(!fields.includes('date'));
  assert.ok(fields.includes('actor2'));
});

test('sitrep eval --acled: a table, the misses, JSON, clear errors', () => {
  const p = csv('cli.csv', [HEADER, ...ROWS]);
  const r = run(['eval', '--acled', p]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /3 notes scored, 1 rows without notes skipped/);
  assert.match(r.out, /no event found/);
  assert.match(r.out, /by country:[\s\S]*Myanmar/);
  assert.match(r.out, /by ACLED event type:[\s\S]*Protests/);
  const j = JSON.parse(run(['eval', '--acled', p, '--json', '--errors']).out);
  assert.equal(j.notes, 3);
  assert.deepEqual(Object.keys(j.fields), ['event_type', 'sub_event_type', 'actor1', 'actor2', 'location', 'date', 'fatalities']);
  assert.equal(j.fields.location.scored, 2);
  assert.ok(Array.isArray(j.errors));
  const only = JSON.parse(run(['eval', '--acled', p, '--json', '--country', 'Colombia']).out);
  assert.equal(only.notes, 1);
  const errs = run(['eval', '--acled', p, '--errors', 'event_type']);
  assert.doesNotMatch(errs.out, /^\s+actor1 /m);
  for (const [args, msg] of [
    [['eval', '--acled', join(dir, 'missing.csv')], /missing\.csv: no such file/],
    [['eval', '--acled', csv('bad.csv', ['notes,event_date', 'x,2020-01-01'])], /lacks the ACLED columns/],
    [['eval'], /give gold \.jsonl files or folders, or --acled/],
  ] as const) {
    const e = run([...args]);
    assert.equal(e.code, 2, e.err);
    assert.match(e.err, msg);
    assert.equal(e.err.trim().split('\n').length, 1);
  }
});
