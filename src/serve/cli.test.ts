// `sitrep serve` on the command line: its refusals, and the demo corpus it ingests.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { InputError } from '../errors.js';
import { registerServeCommand } from './cli.js';
import { EXAMPLES_DIR, manifestBatch } from './demo.js';

function program(): Command {
  const p = new Command('sitrep').exitOverride();
  registerServeCommand(p, () => {});
  return p;
}

describe('sitrep serve', () => {
  it('refuses a database that does not exist, naming --db', async () => {
    await assert.rejects(program().parseAsync(['node', 'sitrep', 'serve', '--db', '/nonexistent/x.db']), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.match(e.message, /--db \/nonexistent\/x\.db: no such database/);
      return true;
    });
  });

  it('refuses a port that is not one', async () => {
    for (const port of ['abc', '70000', '1.5'])
      await assert.rejects(program().parseAsync(['node', 'sitrep', 'serve', '--port', port]), (e: unknown) => e instanceof InputError && /--port/.test(e.message));
  });
});

describe('the demo corpus', () => {
  it('gives every file of examples/manifest.jsonl to ingest with its metadata', { skip: !existsSync(join(EXAMPLES_DIR, 'manifest.jsonl')) && 'no examples/' }, () => {
    const manifest = readFileSync(join(EXAMPLES_DIR, 'manifest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const lines = manifestBatch(EXAMPLES_DIR)!.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, manifest.length);
    assert.equal(lines[0].id, manifest[0].file);
    assert.equal(lines[0].published, manifest[0].published);
    assert.equal(lines[0].outlet, manifest[0].outlet);
    assert.equal(lines[0].text, readFileSync(join(EXAMPLES_DIR, manifest[0].file), 'utf8'));
  });

  it('reads HTML files as HTML and names a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-demo-test-'));
    try {
      writeFileSync(join(dir, 'a.html'), '<p>text</p>');
      writeFileSync(join(dir, 'manifest.jsonl'), '{"file": "a.html", "outlet": "X"}\n');
      assert.deepEqual(JSON.parse(manifestBatch(dir)!), { id: 'a.html', html: '<p>text</p>', outlet: 'X' });
      writeFileSync(join(dir, 'manifest.jsonl'), '{"file": "gone.txt"}\n');
      assert.throws(() => manifestBatch(dir), /no such file: gone\.txt/);
      rmSync(join(dir, 'manifest.jsonl'));
      assert.equal(manifestBatch(dir), null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
