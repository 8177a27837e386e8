import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from './errors.js';
import { parseNumeric, wholeNumber } from './options.js';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'sitrep.js');

test('a numeric option is a whole number in its range, written in plain digits', () => {
  assert.equal(parseNumeric('--workers', '4'), 4);
  assert.equal(parseNumeric('--workers', ' 0 '), 0);
  assert.equal(parseNumeric('--port', '65535'), 65535);
  for (const bad of ['abc', '1e9', '1e2', '0x10', '-1', '2.5', '', 'NaN', 'Infinity', '257', '9'.repeat(400)])
    assert.throws(
      () => parseNumeric('--workers', bad),
      (e: unknown) => e instanceof InputError && e.input === '--workers' && e.problem === `expected a whole number from 0 to 256, got "${bad}"`,
      bad,
    );
  assert.equal(wholeNumber(1, 10).safeParse('0').success, false);
});

test('every numeric option of the command line: a bad value is one line naming the option, exit 2, before any work', () => {
  const cases: [string[], string, RegExp][] = [
    [['extract', '--jsonl', '--workers', 'abc', 'nothing.jsonl'], '--workers', /from 1 to 256, got "abc"/],
    [['extract', '--jsonl', '--workers', '1e9', 'nothing.jsonl'], '--workers', /got "1e9"/],
    [['ingest', '--workers', '-1', 'nothing'], '--workers', /got "-1"/],
    [['ingest', '--timeout', '0', 'nothing'], '--timeout', /from 1 to 3600000/],
    [['events', '--limit', '0', '--db', 'nothing.db'], '--limit', /from 1 to/],
    [['incidents', '--limit', '1e3', '--db', 'nothing.db'], '--limit', /got "1e3"/],
    [['events', '--min-corroboration', 'two', '--db', 'nothing.db'], '--min-corroboration', /got "two"/],
    [['serve', '--port', '70000'], '--port', /from 0 to 65535/],
    [['serve', '--readers', '2.5'], '--readers', /from 0 to 64/],
    [['worker', '--db', 'postgres://nobody@127.0.0.1:1/x', '--concurrency', '0'], '--concurrency', /from 1 to 256/],
    [['worker', '--db', 'postgres://nobody@127.0.0.1:1/x', '--retry-delay', 'soon'], '--retry-delay', /got "soon"/],
  ];
  for (const [args, flag, problem] of cases) {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.ok(r.stderr.startsWith(`sitrep: ${flag}: expected a whole number`), r.stderr);
    assert.match(r.stderr, problem);
  }
});
