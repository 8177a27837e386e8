// Batch mode as a stream: lines read as they come, a limit per line, input order kept with a
// bounded window, and a line that runs too long stopped without stopping the batch.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readLines, runBatch, type InputLine } from './batch.js';
import { InputError } from './errors.js';

async function lines(chunks: (string | Buffer)[], max?: number): Promise<InputLine[]> {
  const out: InputLine[] = [];
  for await (const l of readLines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), 'test', max)) out.push(l);
  return out;
}

const article = (id: number) =>
  JSON.stringify({ id, text: `Russian forces shelled Kharkiv on Monday, killing ${id + 2} civilians, the regional governor said.`, published: '2024-03-06' });

describe('readLines', () => {
  it('numbers lines across chunk boundaries and skips blank ones', async () => {
    assert.deepEqual(await lines(['{"a":', '1}\n\n  \r\n{"b"', ':2}\r\n{"c":3}']), [
      { line: 1, text: '{"a":1}' },
      { line: 4, text: '{"b":2}' },
      { line: 5, text: '{"c":3}' },
    ]);
  });

  it('reports a line past the limit in its place, without keeping it, and reads on', async () => {
    const long = 'x'.repeat(40);
    const got = await lines([`{"a":1}\n"${long.slice(0, 20)}`, `${long.slice(20)}"\n{"b":2}\n`], 30);
    assert.equal(got.length, 3);
    assert.deepEqual(got[0], { line: 1, text: '{"a":1}' });
    assert.equal(got[1].line, 2);
    assert.match('error' in got[1] ? got[1].error : '', /line too long/);
    assert.deepEqual(got[2], { line: 3, text: '{"b":2}' });
  });

  it('reports a line that is not UTF-8 by its number, and skips a UTF-8 byte-order mark', async () => {
    const got = await lines([Buffer.from([0xef, 0xbb, 0xbf]), '{"a":1}\n', Buffer.from([0x7b, 0xff, 0x7d, 0x0a]), '{"b":2}']);
    assert.deepEqual(got[0], { line: 1, text: '{"a":1}' });
    assert.match('error' in got[1] ? got[1].error : '', /invalid UTF-8 at byte 1/);
    assert.deepEqual(got[2], { line: 3, text: '{"b":2}' });
  });

  it('reads UTF-16 with its byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":"é"}\n{"b":2}\n', 'utf16le')]);
    // Split inside a character: the decoder keeps the half for the next chunk.
    assert.deepEqual(await lines([bytes.subarray(0, 7), bytes.subarray(7)]), [
      { line: 1, text: '{"a":"é"}' },
      { line: 2, text: '{"b":2}' },
    ]);
  });

  it('refuses binary input at its first bytes', async () => {
    await assert.rejects(lines([Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])]), (e: unknown) => e instanceof InputError && /PDF/.test(e.message));
  });
});

describe('runBatch', () => {
  it('prints one line per input line in input order, reading only a window ahead of the output', async () => {
    const n = 12;
    let pulled = 0;
    const ahead: number[] = [];
    const printed: string[] = [];
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < n; i++) {
          pulled++;
          yield Buffer.from((i === 5 ? '{broken' : article(i)) + '\n');
        }
      })(),
    );
    await runBatch(source, 'test', {
      includeText: false,
      workers: 2,
      window: 3,
      defaults: {},
      out: (s) => {
        for (const l of s.trimEnd().split('\n')) {
          printed.push(l);
          ahead.push(pulled - printed.length);
        }
      },
    });
    const out = printed.map((l) => JSON.parse(l));
    assert.equal(out.length, n);
    out.forEach((o, i) => (i === 5 ? assert.equal(o.line, 6) : assert.equal(o.article.id, String(i))));
    // The window (3), the line being handed over and the stream's own read-ahead of one chunk.
    assert.ok(Math.max(...ahead) <= 3 + 2, `read ahead of the output: ${ahead.join(',')}`);
  });

  it('stops a line that takes longer than the time limit, names it, and goes on with the others', async () => {
    // Twenty kilobytes take tens of milliseconds to extract: far past a limit of one.
    const long = JSON.stringify({ id: 'long', text: 'Israeli jets struck a depot near Homs on Tuesday, officials said. '.repeat(300), published: '2024-03-06' });
    const printed: string[] = [];
    await runBatch(Readable.from([Buffer.from(`${long}\n${long}\n`)]), 'test', {
      includeText: false,
      workers: 1,
      timeLimit: 0.001,
      defaults: {},
      out: (s) => printed.push(...s.trimEnd().split('\n')),
    });
    const out = printed.map((l) => JSON.parse(l));
    assert.deepEqual(
      out.map((o) => [o.schema, o.line, o.id]),
      [
        ['sitrep/error@1', 1, 'long'],
        ['sitrep/error@1', 2, 'long'],
      ],
    );
    // Stopped by the pipeline's own budget, or by the pool when a stage does not return.
    assert.match(out[0].error, /longer than (the time limit of )?0\.001 s.*--time-limit/);
  });

  it('refuses an input with no lines', async () => {
    await assert.rejects(
      runBatch(Readable.from([Buffer.from('\n \n')]), 'empty.jsonl', { includeText: false, workers: 1, defaults: {}, out: () => {} }),
      (e: unknown) => e instanceof InputError && /empty\.jsonl: empty input/.test(e.message),
    );
  });
});
