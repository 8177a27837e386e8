import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../doc.js';
import { tokens } from '../tokens/index.js';
import { dateline, matchDateline } from './index.js';
import { data } from '../../data/index.js';
import { monthNames, weekdayNames } from '../../data/time.js';
import { PACKAGE_URL } from '../../paths.js';

const BODY = ' Officials said the attack killed three people on Tuesday.';

function run(text: string) {
  const doc = new Doc(text);
  tokens.run(doc);
  dateline.run(doc);
  return doc;
}

/** [place, whole dateline] as found at the start of `lead + BODY`, or null. */
function found(lead: string): [string, string] | null {
  const doc = run(lead + BODY);
  if (!doc.dateline) return null;
  const { mention, span } = doc.dateline;
  assert.equal(span.text, doc.text.slice(span.start, span.end));
  return [doc.text.slice(mention.start, mention.end), span.text];
}

test('wire, state-media and newspaper datelines: the place and the whole dateline', () => {
  const cases: [string, string, string][] = [
    ['TEHRAN-', 'TEHRAN', 'TEHRAN-'],
    ['TEHRAN —', 'TEHRAN', 'TEHRAN —'],
    ['DAMASCUS, April 4 (Reuters) -', 'DAMASCUS', 'DAMASCUS, April 4 (Reuters) -'],
    ['KYIV, Ukraine (AP) —', 'KYIV', 'KYIV, Ukraine (AP) —'],
    ['BEIRUT (AFP) -', 'BEIRUT', 'BEIRUT (AFP) -'],
    ['GAZA CITY, Jan. 3 —', 'GAZA CITY', 'GAZA CITY, Jan. 3 —'],
    ['Moscow, 12 March (TASS) –', 'Moscow', 'Moscow, 12 March (TASS) –'],
    ['ISLAMABAD:', 'ISLAMABAD', 'ISLAMABAD:'],
    ['TEHRAN, Apr. 05 (MNA) –', 'TEHRAN', 'TEHRAN, Apr. 05 (MNA) –'],
    ['BEIJING, March 4 (Xinhua) --', 'BEIJING', 'BEIJING, March 4 (Xinhua) --'],
    ['AL-HASAKAH, Syria (AP) --', 'AL-HASAKAH', 'AL-HASAKAH, Syria (AP) --'],
    ['DEIR EZ-ZOR-', 'DEIR EZ-ZOR', 'DEIR EZ-ZOR-'],
    ['Deir ez-Zor, March 3 (SANA) –', 'Deir ez-Zor', 'Deir ez-Zor, March 3 (SANA) –'],
    ['New Delhi [India], March 3 (ANI):', 'New Delhi', 'New Delhi [India], March 3 (ANI):'],
    ['Damascus, SANA-', 'Damascus', 'Damascus, SANA-'],
    ['UNITED NATIONS (Reuters) -', 'UNITED NATIONS', 'UNITED NATIONS (Reuters) -'],
    ['MOSCOW, March 12. /TASS/.', 'MOSCOW', 'MOSCOW, March 12. /TASS/.'],
    ['WASHINGTON, March 5, 2024 /PRNewswire/ --', 'WASHINGTON', 'WASHINGTON, March 5, 2024 /PRNewswire/ --'],
  ];
  for (const [lead, place, whole] of cases) assert.deepEqual(found(lead), [place, whole], lead);
});

test('the mention is the place tokens only, usable by the places stage', () => {
  const doc = run('GAZA CITY, Jan. 3 (AP) — Israeli troops pushed into the north of the city.');
  const m = doc.dateline!.mention;
  assert.deepEqual(doc.tokens.slice(m.first, m.last).map((t) => t.text), ['GAZA', 'CITY']);
  assert.equal(doc.text.slice(m.start, m.end), 'GAZA CITY');
});

test('prose that opens with a place name and a dash or colon is not a dateline', () => {
  for (const lead of [
    'Iran - the country has long denied this, and',
    'US-made drones hit the base; officials said',
    'Tehran - the capital was quiet as',
    'Iran: the country denies all of it, and',
    'NATO - the alliance will meet next week and',
    'IRAN STRIKES BACK - REPORT\n\n',
    'Israel-Hamas war:',
  ])
    assert.equal(found(lead), null, lead);
});

test('a dateline is only read at the start, or after a title or byline line', () => {
  assert.deepEqual(found('Iran vows to help Syria\n\nBy Jane Smith\n\nTEHRAN -'), ['TEHRAN', 'TEHRAN -']);
  assert.equal(found('The minister spoke on Tuesday.\n\nTEHRAN -'), null);
  assert.equal(run('Officials said TEHRAN - was calm. ' + BODY).dateline, null);
});

test('every month and weekday form in the data opens a dateline, with its date', () => {
  for (const m of monthNames()) {
    const M = m[0].toUpperCase() + m.slice(1);
    assert.equal(matchDateline(`GAZA, ${M} 3 (AP) —${BODY}`)?.date, `${M} 3`, m);
    assert.equal(matchDateline(`Gaza, 3 ${M}. (AP) —${BODY}`)?.date, `3 ${M}.`, m);
  }
  for (const d of weekdayNames()) {
    const D = d[0].toUpperCase() + d.slice(1);
    assert.equal(matchDateline(`Sanaa, ${D} (Reuters) -${BODY}`)?.date, D, d);
  }
});

test('every particle in the data joins a Title Case place name', () => {
  const rows = new Map(data('normalise/dateline.tsv').map((r) => [r.kind, r.words.split(' ')]));
  for (const p of rows.get('particle')!) {
    const m = matchDateline(`Ras ${p}-Ain, May 2 (AP) —${BODY}`);
    assert.deepEqual(m?.place, [0, `Ras ${p}-Ain`.length], p);
  }
});

test('every label in the data stops an all-caps opener from being a dateline', () => {
  const rows = new Map(data('normalise/dateline.tsv').map((r) => [r.kind, r.words.split(' ')]));
  for (const l of rows.get('label')!) {
    assert.equal(matchDateline(`${l}: ${BODY}`), null, l);
    assert.equal(matchDateline(`${l} - ${BODY}`), null, l);
  }
  assert.notEqual(matchDateline(`ADEN - ${BODY}`), null);
});

test('the seed article opens with its dateline', async () => {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(new URL('examples/seed.txt', PACKAGE_URL), 'utf8');
  const doc = run(text);
  assert.equal(doc.dateline?.span.text, 'TEHRAN-');
});

test('a rights group\'s "(Nairobi) –" opening is a dateline', () => {
  const m = matchDateline('(Nairobi) – The Rapid Support Forces and allied militias killed hundreds of people.');
  assert.deepEqual(m?.place, [1, 8]);
  assert.equal(matchDateline('(Updated) The strike killed two people in the town.'), null);
});

test('more wire forms: agency after the date, a full stop after the agency, long regions, state abbreviations', () => {
  const cases: [string, string, string][] = [
    ['Riyadh, April 06, 2021, KPS --', 'Riyadh', 'Riyadh, April 06, 2021, KPS --'],
    ['SANAA, 14 May 2022, YNA -', 'SANAA', 'SANAA, 14 May 2022, YNA -'],
    ['KHARKIV, September 13, 2022 (UNNS).', 'KHARKIV', 'KHARKIV, September 13, 2022 (UNNS).'],
    ['BUNIA, Democratic Republic of Congo, March 2 (Reuters) -', 'BUNIA', 'BUNIA, Democratic Republic of Congo, March 2 (Reuters) -'],
    ['CHARLESTON, W.Va. (AP) --', 'CHARLESTON', 'CHARLESTON, W.Va. (AP) --'],
    ['MINOT, N.D. —', 'MINOT', 'MINOT, N.D. —'],
    ['ORLANDO, Fla. (AP) —', 'ORLANDO', 'ORLANDO, Fla. (AP) —'],
    ['Gaza City (AFP) -', 'Gaza City', 'Gaza City (AFP) -'],
    ['BEIRUT (AP) —', 'BEIRUT', 'BEIRUT (AP) —'],
    ['KYIV, March 3 (Reuters) -', 'KYIV', 'KYIV, March 3 (Reuters) -'],
    ['KHARTOUM, Sudan, June 2 (AP) –', 'KHARTOUM', 'KHARTOUM, Sudan, June 2 (AP) –'],
    ['Aden, Yemen, June 2, 2023 (AFP) –', 'Aden', 'Aden, Yemen, June 2, 2023 (AFP) –'],
    ['ANKARA (AA) -', 'ANKARA', 'ANKARA (AA) -'],
  ];
  for (const [lead, place, whole] of cases) assert.deepEqual(found(lead), [place, whole], lead);
  const m = matchDateline(`Riyadh, April 06, 2021, KPS --${BODY}`);
  assert.equal(m?.agency, 'KPS');
  assert.equal(m?.date, 'April 06, 2021');
});

test('first sentences with commas, dates or bylines are not datelines', () => {
  for (const lead of [
    'Gunmen, on Monday, killed',
    'Gunmen, Monday, killed',
    'Gunmen on Monday killed',
    'Residents, April 3, said',
    'By Jane Smith (Reuters).',
    'Aden (AFP). The',
    'Fighters, including AP -',
    'On Monday, March 3, 2024, ISIS -',
  ])
    assert.equal(found(lead), null, lead);
});

test('an all-caps dateline after a headline run into the first paragraph', () => {
  assert.deepEqual(found('Fire guts old grain mill. MANSFIELD — Crews'), ['MANSFIELD', 'MANSFIELD —']);
  assert.deepEqual(found('Council backs new budget . CHARLESTON, W.Va. (AP) -- The council'), ['CHARLESTON', 'CHARLESTON, W.Va. (AP) --']);
  for (const lead of [
    'Council backs new budget. Albany — The council',
    'The minister spoke on Tuesday to reporters in the capital about the budget, the army, the police and the roads, and more. MANSFIELD —',
    'POLICE ARRIVED LATE. THE ARMY UNITS —',
    'Leaders meet. NATO - the alliance',
  ])
    assert.equal(found(lead), null, lead);
});
