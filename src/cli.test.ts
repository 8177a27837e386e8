// The command line as a user meets it: real processes, real files, exit codes and one-line errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDocument } from './contract.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'sitrep.js');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** A bad input: exit code 2, one line on stderr naming the input, no stack trace. */
function rejects(args: string[], names: string | RegExp, problem: RegExp, input?: string | Buffer) {
  const r = run(args, input);
  assert.equal(r.code, 2, `exit code for ${args.join(' ')}: ${r.err}`);
  assert.equal(r.out, '');
  const lines = r.err.trim().split('\n');
  assert.equal(lines.length, 1, r.err);
  assert.match(lines[0], typeof names === 'string' ? new RegExp(names.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : names);
  assert.match(lines[0], problem);
  assert.doesNotMatch(r.err, /\n\s+at /);
}

test('an article in, a valid document out, with exact spans', () => {
  const p = file('a.txt', 'DAMASCUS - Israeli warplanes struck targets near Damascus on Tuesday, killing two soldiers, a military source told SANA.');
  const r = run(['extract', p, '--published', '2024-03-06', '--outlet', 'Test Wire', '--include-text']);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.deepEqual(checkDocument(doc), []);
  assert.equal(doc.article.outlet, 'Test Wire');
  assert.ok(doc.events.length >= 1);
});

test('bad inputs: one line naming the input and the problem, exit code 2', () => {
  rejects(['extract', join(dir, 'missing.txt')], 'missing.txt', /no such file/);
  rejects(['extract', dir], dir, /directory/);
  rejects(['extract', file('empty.txt', '')], 'empty.txt', /empty/);
  rejects(['extract', file('blank.txt', '  \n\n ')], 'blank.txt', /empty/);
  rejects(['extract', file('bin.dat', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]))], 'bin.dat', /binary/);
  rejects(['extract', file('bad.txt', Buffer.from([0x41, 0x42, 0xff, 0xfe, 0x43, 0x20, 0x44]))], 'bad.txt', /UTF-8/);
  rejects(['extract', file('ok.txt', 'Some text here.'), '--published', 'yesterday'], '--published', /ISO 8601/);
  rejects(['extract', file('ok2.txt', 'Some text here.'), '--published', '2023-02-30'], '--published', /ISO 8601/);
  rejects(['extract', '-'], 'standard input', /empty/, '');
});

test('a 50 MB file is refused before it is read', () => {
  const p = join(dir, 'big.txt');
  const fd = openSync(p, 'w');
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  rejects(['extract', p], 'big.txt', /too large/);
});

test('--debug shows the stack', () => {
  const r = run(['extract', join(dir, 'missing.txt'), '--debug']);
  assert.equal(r.code, 2);
  assert.match(r.err, /\n\s+at /);
});

test('text in another language: a warning, not a crash', () => {
  const p = file('fr.txt', "Les forces armées ont bombardé la ville mardi, tuant deux civils, selon une source militaire qui s'est confiée à l'agence.");
  const r = run(['extract', p]);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.equal(doc.article.language, 'fr');
  assert.ok(doc.warnings.some((w: string) => /English/.test(w)));
});

test('no publication date: a warning, relative dates unresolved', () => {
  const r = run(['extract', '-'], 'Israeli jets struck a depot near Homs on Tuesday, officials said.');
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.ok(doc.warnings.some((w: string) => /no publication date/.test(w)));
  for (const e of doc.events) assert.ok(e.time === null || e.time.start === null || e.time.precision !== 'day' || e.time.text === '');
});

test('batch mode: one document per line in input order, a bad line becomes an error object', () => {
  const lines = [
    JSON.stringify({ id: 'a', text: 'Russian forces shelled Kharkiv on Monday, killing three civilians.', published: '2024-03-06' }),
    '{not json',
    JSON.stringify({ id: 'c', title: 'no text' }),
    JSON.stringify({ id: 'd', html: '<html><body><article><p>Protesters gathered in central Khartoum on Friday to demand an end to the war, witnesses said.</p></article></body></html>', published: '2024-03-06' }),
    JSON.stringify({ id: 'e', text: 'A second article about clashes near Gao.', published: 'not a date' }),
  ];
  const r = run(['extract', '--jsonl', '-'], lines.join('\n') + '\n');
  assert.equal(r.code, 0, r.err);
  const out = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, 5);
  assert.equal(out[0].article.id, 'a');
  assert.deepEqual(checkDocument(out[0], undefined), []);
  assert.equal(out[1].schema, 'sitrep/error@1');
  assert.equal(out[1].line, 2);
  assert.equal(out[2].schema, 'sitrep/error@1');
  assert.equal(out[2].id, 'c');
  assert.equal(out[3].article.id, 'd');
  assert.equal(out[4].schema, 'sitrep/error@1');
  assert.match(out[4].error, /published/);
});

test('sitrep schema prints a JSON Schema', () => {
  const r = run(['schema']);
  assert.equal(r.code, 0);
  const s = JSON.parse(r.out);
  assert.equal(s.type, 'object');
  assert.ok(s.properties.events);
});
