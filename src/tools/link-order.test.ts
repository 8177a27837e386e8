import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const TOOL = fileURLToPath(new URL('./link-order.js', import.meta.url));

// 80 generated reports already form chains of look-alike events: linking decided event by event
// gave 44 events another incident in reversed order (checked on the linking before regrouping).
test('80 reports stored in file order, reversed and shuffled make the same incidents with the same ids as the whole set grouped at once', () => {
  const r = spawnSync(process.execPath, [TOOL, '--reports', '80', '--seed', '3'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /ok: the same incidents and ids in every order/);
  assert.match(r.stdout, /file order vs reversed: 0 events placed differently, 0 groups differ, 0 events with another incident id/);
});
