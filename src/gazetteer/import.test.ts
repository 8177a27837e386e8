// `sitrep gazetteer add` on a small GeoNames-format country file written for these tests: fictional
// places (GeoNames ids 99000xx) in Yemen's Marib governorate (admin1 code 14) and its Majzar district
// (admin2 code 2601), which the embedded cities1000 also knows by its seat, Majzar (34717).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, createWriteStream, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { addFiles, kindOf } from './import.js';
import { ImportedIndex } from './imported.js';
import { match, useImportedIndex } from './index.js';
import { InputError } from '../errors.js';
import { docWith } from '../stages/places/testing.js';
import { places } from '../stages/places/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-gaz-'));
after(() => {
  useImportedIndex(null);
  rmSync(dir, { recursive: true, force: true });
});

const row = (c: (string | number)[]) => c.join('\t');
// geonameid name asciiname alternatenames lat lon class code cc cc2 admin1 admin2 admin3 admin4 population elevation dem timezone modified
const YE = [
  row([9900001, 'Bayt al Quday‘im', 'Bayt al Qudayim', 'Bait al-Qudaim,Beit Qudeim,بيت القديم,BQD', 15.812, 44.831, 'P', 'PPL', 'YE', '', 14, 2601, '', '', 1100, '', 1010, 'Asia/Aden', '2024-01-01']),
  row([9900002, 'Mudīrīyat Majzar', 'Mudiriyat Majzar', 'Majzar District', 15.85, 44.78, 'A', 'ADM2', 'YE', '', 14, 2601, '', '', 0, '', 1000, 'Asia/Aden', '2024-01-01']),
  row([9900003, 'Jabal Hilan', 'Jabal Hilan', 'Jebel Hailan', 15.6, 45.1, 'T', 'MT', 'YE', '', 14, '', '', '', 0, 2100, 2090, 'Asia/Aden', '2024-01-01']),
  // a hotel: not a kind of place the import keeps
  row([9900004, 'Funduq al Qudayim', 'Funduq al Qudayim', '', 15.81, 44.83, 'S', 'HTL', 'YE', '', 14, 2601, '', '', 0, '', 1010, 'Asia/Aden', '2024-01-01']),
].join('\n');
const ADMIN2 = ['YE.14.2601\tMajzar\tMajzar\t9900002', 'YE.14.2606\tSirwah\tSirwah\t9900010'].join('\n');

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text + '\n');
  return p;
}

async function zipOf(name: string, entry: string, text: string): Promise<string> {
  const p = join(dir, name);
  const z = new yazl.ZipFile();
  z.addBuffer(Buffer.from('GeoNames readme for the test\n'), 'readme.txt');
  z.addBuffer(Buffer.from(text + '\n'), entry);
  z.end();
  await new Promise<void>((res, rej) => z.outputStream.pipe(createWriteStream(p)).on('close', res).on('error', rej));
  return p;
}

test('files are told apart by name', () => {
  assert.equal(kindOf('/x/YE.zip'), 'main');
  assert.equal(kindOf('allCountries.zip'), 'main');
  assert.equal(kindOf('admin2Codes.txt'), 'admin2');
  assert.equal(kindOf('admin1CodesASCII.txt'), 'admin1');
  assert.equal(kindOf('alternateNamesV2.zip'), 'alternates');
});

test('a country file and admin2 codes: villages, districts and their names in the index, joined to the embedded divisions', async () => {
  const db = join(dir, 'a.db');
  const reps = await addFiles(db, [write('YE.txt', YE), write('admin2Codes.txt', ADMIN2)]);
  assert.deepEqual(
    reps.map((r) => [r.kind, r.rows, r.kept]),
    [
      ['main', 4, 3],
      ['admin2', 2, 2],
    ],
  );
  const idx = new ImportedIndex(db);
  const village = idx.lookup('key', 'bait al qudaim').rows;
  assert.equal(village.length, 1);
  // the division's name is the embedded gazetteer's, so context from "Marib" counts for it
  assert.deepEqual([village[0].id, village[0].a1, village[0].a2, village[0].alt], [9900001, "Ma'rib Governorate", 'Majzar', true]);
  assert.equal(idx.lookup('key', 'funduq al qudayim').rows.length, 0);
  // a district known only from admin2Codes.txt is placed at the middle of the towns inside it (Suq Sirwah)
  const sirwah = idx.lookup('key', 'sirwah').rows.find((r) => r.id === 9900010);
  assert.ok(sirwah && Math.abs(sirwah.lat - 15.46) < 0.2 && sirwah.fcode === 'ADM2', JSON.stringify(sirwah));
  const st = idx.status() as { places: number; admin2: number };
  assert.deepEqual([st.places, st.admin2], [4, 2]);
  idx.close();

  useImportedIndex(db);
  try {
    const m = match('Beit Qudeim');
    assert.equal(m[0].entry.geonameid, 9900001);
    assert.deepEqual([m[0].entry.precision, m[0].entry.country, m[0].entry.admin2], ['city', 'YE', 'Majzar']);
    // folded spellings reach imported names too
    assert.equal(match('Beit al-Qodeim')[0]?.entry.geonameid, 9900001);
    // an imported row for a place the embedded index has is that place (one reading, not two)
    assert.equal(match('Majzar District').filter((x) => x.entry.feature === 'ADM2').length, 1);
    // the places stage uses it: a village with its district and province, precision and id kept
    const d = docWith('Airstrikes targeted Beit Qudeim (Majzar, Marib) on Monday.', [
      ['Beit Qudeim', 'GPE'],
      ['Majzar', 'GPE'],
      ['Marib', 'GPE'],
    ]);
    places.run(d);
    const p = d.places.find((x) => x.name === 'Beit Qudeim');
    assert.deepEqual([p?.geonameid, p?.precision, p?.country], [9900001, 'city', 'YE'], JSON.stringify(d.places));
  } finally {
    useImportedIndex(null);
  }
  assert.equal(match('Beit Qudeim').length, 0);
});

test('a zipped country file reads as the text one; a file already imported is skipped', async () => {
  const db = join(dir, 'z.db');
  const zip = await zipOf('YE.zip', 'YE.txt', YE);
  const [rep] = await addFiles(db, [zip]);
  assert.deepEqual([rep.rows, rep.kept], [4, 3]);
  assert.deepEqual(await addFiles(db, [zip]), []);
  const idx = new ImportedIndex(db);
  assert.equal((idx.status() as { places: number }).places, 3);
  idx.close();
});

test('alternate names add spellings to imported and embedded places; codes and other scripts are left out', async () => {
  const db = join(dir, 'alt.db');
  const alts = [
    // alternateNameId geonameid isolanguage name isPreferred isShort isColloquial isHistoric from to
    '1\t9900001\ten\tBeit el-Qudeim\t\t\t\t\t\t',
    '2\t9900001\tar\tبيت القديم\t\t\t\t\t\t',
    '3\t9900001\tlink\thttps://example.org/Beit\t\t\t\t\t\t',
    // Majzar (34717) is only in the embedded index
    '4\t34717\ten\tMajzar Town\t\t\t\t\t\t',
  ].join('\n');
  await addFiles(db, [write('YE2.txt', YE), await zipOf('alternateNamesV2.zip', 'alternateNamesV2.txt', alts)]);
  useImportedIndex(db);
  try {
    assert.equal(match('Beit el-Qudeim')[0]?.entry.geonameid, 9900001);
    assert.equal(match('Majzar Town')[0]?.entry.geonameid, 34717);
    assert.equal(match('https://example.org/Beit').length, 0);
  } finally {
    useImportedIndex(null);
  }
});

test('a file that is not a GeoNames dump is refused by name and line, and the index keeps what it had', async () => {
  const db = join(dir, 'bad.db');
  await addFiles(db, [write('YE3.txt', YE)]);
  const size = statSync(db).size;
  const bad = write('XX.txt', [YE.split('\n')[0].replace('9900001', '9900099'), 'just,a,csv,line'].join('\n'));
  await assert.rejects(addFiles(db, [bad]), (e: Error) => e instanceof InputError && /XX\.txt.*line 2.*columns/.test(e.message));
  const idx = new ImportedIndex(db);
  assert.equal(idx.lookup('key', 'bayt al qudayim').rows.length, 1);
  assert.equal((idx.status() as { places: number }).places, 3);
  idx.close();
  assert.ok(statSync(db).size >= size);
  await assert.rejects(addFiles(db, [join(dir, 'missing.zip')]), /missing\.zip: no such file/);
});
