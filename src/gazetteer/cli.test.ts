// `sitrep gazetteer add` and `status` as a user meets them, and `extract` using what was imported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'sitrep.js');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-gazcli-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: dir, env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// a fictional village (GeoNames-format row written for this test) in Yemen's Marib governorate
const ROW = [9900101, 'Qaryat al Wusayt', 'Qaryat al Wusayt', 'Al Wusayt', 15.7, 45.1, 'P', 'PPL', 'YE', '', 14, 2612, '', '', 800, '', 1100, 'Asia/Aden', '2024-01-01'].join('\t');

test('add imports a country file, status says what is loaded, extract uses it', () => {
  const f = join(dir, 'YE.txt');
  writeFileSync(f, ROW + '\n');
  const db = join(dir, 'g.db');
  const add = run(['gazetteer', 'add', '--index', db, f]);
  assert.equal(add.code, 0, add.err);
  assert.match(add.out, /YE\.txt: main, 1 rows read, 1 kept/);
  const st = run(['gazetteer', 'status'], { SITREP_GAZETTEER: db });
  assert.equal(st.code, 0, st.err);
  assert.match(st.out, /embedded: \d+ places/);
  assert.match(st.out, /imported: .*g\.db\n\s+1 places \(P 1\)/);
  const text = 'MARIB - Gunmen attacked a checkpoint in Qaryat al Wusayt, Yemeni officials said.';
  const doc = JSON.parse(run(['extract', '-'], { SITREP_GAZETTEER: db }, text).out);
  const p = doc.places.find((x: { name: string }) => x.name === 'Qaryat al Wusayt');
  assert.deepEqual([p?.geonameid, p?.precision, p?.country], [9900101, 'city', 'YE'], JSON.stringify(doc.places));
  // without the index, the village is only placed through its anchor (no GeoNames id of its own)
  const bare = JSON.parse(run(['extract', '-'], { SITREP_GAZETTEER: '' }, text).out);
  assert.notEqual(bare.places.find((x: { name: string }) => x.name === 'Qaryat al Wusayt')?.geonameid, 9900101);
});

test('status with nothing imported says so; a file that is not a dump is refused with its name', () => {
  const st = run(['gazetteer', 'status'], { SITREP_GAZETTEER: join(dir, 'none.db') });
  assert.equal(st.code, 0, st.err);
  assert.match(st.out, /imported: none/);
  const bad = join(dir, 'notes.txt');
  writeFileSync(bad, 'a,b,c\n');
  const r = run(['gazetteer', 'add', '--index', join(dir, 'b.db'), bad]);
  assert.equal(r.code, 2);
  assert.match(r.err.trim(), /^sitrep: .*notes\.txt: line 1: 1 columns, a GeoNames dump has 19/);
  // an index file that is not one stops extract with its name, not a stack trace
  const e = run(['extract', '-'], { SITREP_GAZETTEER: bad }, 'Clashes in Aden on Monday.');
  assert.equal(e.code, 2, e.err);
  assert.match(e.err.trim(), /^sitrep: .*notes\.txt: (cannot open|not a sitrep gazetteer index)/);
  assert.doesNotMatch(e.err, /\n\s+at /);
});
