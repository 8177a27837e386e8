import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText, decode, declaredCharset, firstInvalidUtf8, MAX_INPUT_BYTES } from './text.js';
import { InputError } from '../errors.js';

const problem = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof InputError);
    return e.message;
  }
  assert.fail('no InputError');
};

test('text is cleaned only of what breaks offsets: BOM, carriage returns, control characters', () => {
  assert.equal(cleanText('\uFEFFTEHRAN-\r\nline\rnext'), 'TEHRAN-\nline\nnext');
  assert.equal(cleanText('a\u0000b\u0007c\u001bd\u0085e\u009ff'), 'abcdef');
  assert.equal(cleanText('tab\tkept\nnewline kept'), 'tab\tkept\nnewline kept');
  assert.equal(cleanText('page\fbreak and line\u2028separator'), 'page\nbreak and line\nseparator');
});

test('curly quotes, dashes and spacing stay as received; composed forms are NFC', () => {
  const s = '“We find ourselves” — Iran’s  minister';
  assert.equal(cleanText(s), s);
  assert.equal(cleanText('Dara\u0300a'), 'Dar\u00e0a');
  assert.equal(cleanText('Dara\u0300a').length, 5);
});

test('UTF-8 with or without BOM, and UTF-16 with a BOM, decode', () => {
  assert.equal(decode('a.txt', Buffer.from('Kyiv — Київ', 'utf8')), 'Kyiv — Київ');
  assert.equal(decode('a.txt', Buffer.from('\uFEFFKyiv', 'utf8')), 'Kyiv');
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Gaza', 'utf16le')]);
  assert.equal(decode('a.txt', le), 'Gaza');
});

test('binary input is refused, naming the input and, when known, the format', () => {
  assert.equal(problem(() => decode('x.bin', Buffer.from([0x41, 0x00, 0x42]))), 'x.bin: binary data, not text (contains NUL bytes)');
  assert.equal(problem(() => decode('r.pdf', Buffer.from('%PDF-1.7\n...'))), 'r.pdf: binary data, not text (looks like a PDF file)');
  assert.match(problem(() => decode('p.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2]))), /PNG image/);
  const noisy = Buffer.from(Array.from({ length: 200 }, (_, k) => (k % 3 ? 0x41 : 0x01)));
  assert.equal(problem(() => decode('n.dat', noisy)), 'n.dat: binary data, not text (mostly control bytes)');
});

test('invalid UTF-8 is refused with the byte where it goes wrong', () => {
  const latin1 = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x61]); // "Café a" in Windows-1252
  assert.equal(firstInvalidUtf8(latin1), 3);
  assert.match(problem(() => decode('l.txt', latin1)), /^l\.txt: invalid UTF-8 at byte 3 /);
  assert.equal(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80])), 0, 'encoded surrogates are invalid');
  assert.equal(firstInvalidUtf8(Buffer.from('ok ✓', 'utf8')), -1);
});

test('an HTML page that declares a legacy charset is decoded with it', () => {
  const page = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>Caf'), Buffer.from([0xe9]), Buffer.from(' “x”</p></body></html>')]);
  assert.equal(declaredCharset(page), 'windows-1252');
  assert.match(decode('p.html', page, declaredCharset(page)), /Café/);
});

test('input over the size limit is refused before decoding', () => {
  const big = Buffer.alloc(MAX_INPUT_BYTES + 1, 0x61);
  assert.match(problem(() => decode('big.txt', big)), /^big\.txt: too large: 10\.0 MB \(limit 10 MB\)$/);
});
