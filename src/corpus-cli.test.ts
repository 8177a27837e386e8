// `sitrep events | incidents | stats` on a small store: each export format, the filters, and the
// usage errors (exit 2, one line naming the option).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildProgram } from './cli.js';
import { InputError } from './errors.js';
import { isStoreError } from './store/errors.js';
import { SqliteStore } from './store/sqlite.js';
import { ALEPPO, DAMASCUS, KHARKIV, makeDoc } from './store/testing.js';
import { EVENT_CSV_COLUMNS, INCIDENT_CSV_COLUMNS, csvCell } from './query/format.js';

const BIN = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'bin', 'sitrep.js');

async function run(args: string[]): Promise<string> {
  let out = '';
  await buildProgram((s) => (out += s)).parseAsync(['node', 'sitrep', ...args]);
  return out;
}

/** RFC 4180 lines → cells (enough for these tests: quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r') continue;
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  return rows;
}

describe('sitrep events, incidents, stats', () => {
  let dir: string;
  let db: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-query-'));
    db = join(dir, 'q.db');
    const s = new SqliteStore(db);
    const strike = (url: string, outlet: string, sentence: string) =>
      makeDoc({
        url,
        outlet,
        published: '2024-03-05',
        events: [{ kind: 'air_strike', sentence, place: DAMASCUS, date: '2024-03-04', initiator: { name: 'Israeli jets', country: 'ISR' }, fatalities: 3, claimant: 'a military source' }],
      });
    await s.putArticle(strike('https://a.example/1', 'Outlet A', 'Israeli jets struck Damascus, "killing three", a source said.'), { source: 'a' });
    await s.putArticle(strike('https://b.example/1', 'Outlet B', 'An Israeli raid on Damascus killed three people.'), { source: 'b' });
    await s.putArticle(
      makeDoc({
        url: 'https://c.example/1',
        outlet: 'Outlet C',
        published: '2024-04-02',
        events: [
          { kind: 'missile_attack', sentence: 'Russian missiles hit Kharkiv.', place: KHARKIV, date: '2024-04-01', initiator: { name: 'Russian forces', country: 'RUS' } },
          { kind: 'statement', sentence: 'The mayor said the city would rebuild.' },
          { kind: 'armed_clash', sentence: 'Fighting went on near Aleppo.', place: ALEPPO, date: '2024-04-01' },
        ],
      }),
      { source: 'c' },
    );
    await s.putRejected({ source: 'bad.jsonl:3', reason: 'not valid JSON' });
    await s.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints counts, as JSON with the documented keys', async () => {
    const st = JSON.parse(await run(['stats', '--db', db, '--format', 'json']));
    assert.deepEqual([st.articles, st.revisions, st.events, st.incidents, st.rejected], [3, 3, 5, 3, 1]);
    assert.match(await run(['stats', '--db', db]), /^articles\s+3$/m);
  });

  it('writes CSV with ACLED-style columns then the claim columns', async () => {
    const rows = parseCsv(await run(['events', '--db', db, '--format', 'csv']));
    assert.deepEqual(rows[0], [...EVENT_CSV_COLUMNS]);
    assert.equal(rows.length, 1 + 5);
    const col = (r: string[], name: string) => r[rows[0].indexOf(name)];
    const strike = rows.find((r) => col(r, 'url') === 'https://a.example/1')!;
    assert.match(col(strike, 'event_id_cnty'), /^SYR\d+$/);
    assert.deepEqual(
      ['event_date', 'year', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'country', 'iso', 'location', 'geo_precision', 'fatalities', 'claimant', 'stance', 'corroboration'].map((c) => col(strike, c)),
      ['2024-03-04', '2024', '1', 'Explosions/Remote violence', 'Air/drone strike', 'Israeli jets', 'Syria', '760', 'Damascus', '1', '3', 'a military source', 'reported', '2'],
    );
    assert.equal(col(strike, 'evidence'), 'Israeli jets struck Damascus, "killing three", a source said.', 'quotes and commas survive');
    const statement = rows.find((r) => col(r, 'kind') === 'statement')!;
    assert.deepEqual([col(statement, 'event_type'), col(statement, 'fatalities'), col(statement, 'incident_id')], ['', '', '']);
  });

  it('writes GeoJSON with one Point feature per located event', async () => {
    const g = JSON.parse(await run(['events', '--db', db, '--format', 'geojson']));
    assert.equal(g.type, 'FeatureCollection');
    assert.equal(g.features.length, 4, 'the statement has no place');
    for (const f of g.features) {
      assert.equal(f.type, 'Feature');
      assert.equal(f.geometry.type, 'Point');
      const [lon, lat] = f.geometry.coordinates;
      assert.ok(Math.abs(lon) <= 180 && Math.abs(lat) <= 90);
    }
    assert.deepEqual(g.features.find((f: { properties: { location: string } }) => f.properties.location === 'Kharkiv').geometry.coordinates, [KHARKIV.lon, KHARKIV.lat]);
    const empty = JSON.parse(await run(['events', '--db', db, '--format', 'geojson', '--country', 'FR']));
    assert.deepEqual(empty, { type: 'FeatureCollection', features: [] });
  });

  it('writes JSON and NDJSON records with the contract event and the store’s fields', async () => {
    const all = JSON.parse(await run(['events', '--db', db, '--format', 'json']));
    assert.equal(all.length, 5);
    const lines = (await run(['events', '--db', db, '--format', 'ndjson', '--kind', 'remote_violence'])).trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((e) => e.kind).sort(), ['air_strike', 'air_strike', 'missile_attack']);
    assert.ok(lines.every((e) => e.claims.length >= 1 && e.evidence.length >= 1 && e.article_id && e.url));
  });

  it('filters by date, country, kind, actor, text, box and corroboration', async () => {
    const ids = async (...args: string[]) => (await run(['events', '--db', db, '--format', 'ndjson', ...args])).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).kind).sort();
    assert.deepEqual(await ids('--from', '2024-04-01'), ['armed_clash', 'missile_attack', 'statement']);
    assert.deepEqual(await ids('--to', '2024-03-31'), ['air_strike', 'air_strike']);
    assert.deepEqual(await ids('--country', 'UA'), ['missile_attack']);
    assert.deepEqual(await ids('--country', 'syr', '--kind', 'armed_clash,air_strike'), ['air_strike', 'air_strike', 'armed_clash']);
    assert.deepEqual(await ids('--actor', 'RUS'), ['missile_attack']);
    assert.deepEqual(await ids('--q', 'raid'), ['air_strike']);
    assert.deepEqual(await ids('--text', 'rebuild'), ['statement']);
    assert.deepEqual(await ids('--bbox', '35,48,38,51'), ['missile_attack']);
    assert.deepEqual(await ids('--min-corroboration', '2'), ['air_strike', 'air_strike']);
    assert.deepEqual(await ids('--limit', '2'), ['armed_clash', 'statement'], 'newest first: the statement takes its publication day');
  });

  it('lists incidents, with the corroborated one first when asked for it', async () => {
    const rows = parseCsv(await run(['incidents', '--db', db, '--format', 'csv', '--min-corroboration', '2']));
    assert.deepEqual(rows[0], [...INCIDENT_CSV_COLUMNS]);
    assert.equal(rows.length, 2);
    const col = (name: string) => rows[1][rows[0].indexOf(name)];
    assert.deepEqual([col('kind'), col('country'), col('location'), col('events'), col('outlets'), col('corroboration')], ['air_strike', 'Syria', 'Damascus', '2', '2', '2']);
    const one = JSON.parse(await run(['incidents', '--db', db, '--id', col('incident_id')]));
    assert.equal(one.members.length, 2);
    const table = await run(['incidents', '--db', db]);
    assert.match(table, /^id\s+from\s+to\s+kind/);
    assert.equal(table.trim().split('\n').length, 1 + 3);
  });

  it('refuses malformed options with a one-line error naming them', async () => {
    const bad: [string[], RegExp][] = [
      [['events', '--db', db, '--from', '2024-02-30'], /--from: not a date/],
      [['events', '--db', db, '--country', 'Atlantis'], /--country: not an ISO 3166-1/],
      [['events', '--db', db, '--kind', 'picnic'], /--kind: "picnic" is neither/],
      [['events', '--db', db, '--bbox', '1,2,3'], /--bbox: expected minLon,minLat,maxLon,maxLat/],
      [['events', '--db', db, '--min-corroboration', '-1'], /--min-corroboration/],
      [['events', '--db', db, '--format', 'xml'], /--format: expected one of/],
      [['events', '--db', join(dir, 'missing.db')], /no such database/],
      [['events', '--db', db, '--id', '999'], /no such event/],
    ];
    // A missing store is the store's answer (StoreError "unavailable": exit 2 as well, ../cli.ts).
    const clear = (e: unknown) => e instanceof InputError || isStoreError(e, 'unavailable');
    for (const [args, re] of bad) await assert.rejects(run(args), (e: unknown) => clear(e) && re.test((e as Error).message), args.join(' '));
  });

  it('exits with 2 and one line on stderr for a bad ingest path', () => {
    const r = spawnSync(process.execPath, [BIN, 'ingest', join(dir, 'nope'), '--db', join(dir, 'x.db')], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /nope: no such file or folder/);
  });

  it('quotes CSV cells only when they need it', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a, b'), '"a, b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(3), '3');
  });

  it('keeps a spreadsheet from reading a cell as a formula, and numbers as numbers', () => {
    assert.equal(csvCell('=HYPERLINK("http://x.example","click")'), `"'=HYPERLINK(""http://x.example"",""click"")"`);
    for (const c of ['+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) assert.ok(csvCell(c).replace(/^"/, '').startsWith("'"), JSON.stringify(c));
    assert.equal(csvCell(-33.9), '-33.9');
    assert.equal(csvCell('a = b'), 'a = b');
  });

  it('exits with 2 and one line for a date that does not exist', () => {
    for (const d of ['2024-13-45', '2024-02-30']) {
      const r = spawnSync(process.execPath, [BIN, 'events', '--db', db, '--from', d], { encoding: 'utf8' });
      assert.equal(r.status, 2, d);
      assert.equal(r.stderr.trim(), `sitrep: --from: not a date (YYYY-MM-DD): "${d}"`);
    }
  });

  it('stops with exit 2 and one line, not a stack trace, when the reader closes the pipe', async () => {
    const child = spawn(process.execPath, [BIN, 'events', '--db', db, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const code = await new Promise((done) => child.on('close', done));
    assert.equal(code, 2);
    assert.equal(stderr.trim(), 'sitrep: standard output: closed before the output was complete');
  });
});
