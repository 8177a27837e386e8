// `sitrep doctor` and the warning reads give on a damaged store.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from './sqlite/store.js';
import { makeDoc, DAMASCUS } from './testing.js';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'sitrep.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('sitrep doctor', () => {
  it('finds a sound store sound, and a damaged one damaged with what to do; reads warn on it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-doctor-'));
    try {
      const path = join(dir, 'store.db');
      const s = new SqliteStore(path);
      for (let n = 0; n < 60; n++)
        await s.putArticle(
          makeDoc({
            url: `https://doctor.example/${n}`,
            outlet: 'Example News',
            published: '2024-03-05T08:00:00Z',
            lead: `Report ${n}. ${'Witnesses described the damage along the main road. '.repeat(30)}`,
            events: [{ kind: 'air_strike', sentence: `Warplanes struck a depot in Damascus on Monday, killing ${n + 2} people.`, place: DAMASCUS }],
          }),
          { source: `r${n}` },
        );
      await s.close();
      const ok = run(['doctor', '--db', path]);
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /store\.db: sound \(integrity_check and foreign_key_check ok; 60 articles, 60 events\)/);

      // Garbage over a page near the end of the file (article text, not the schema the open reads).
      const fd = openSync(path, 'r+');
      writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, statSync(path).size - 4096 * 3);
      closeSync(fd);
      const bad = run(['doctor', '--db', path]);
      assert.equal(bad.status, 1);
      assert.match(bad.stdout, /store\.db: damaged: /);
      assert.match(bad.stdout, /What to do:[\s\S]*sitrep ingest [\s\S]*\.recover/);
      const stats = run(['stats', '--db', path]);
      assert.match(stats.stderr, /^sitrep: warning: .*store\.db is damaged \(.*\): what follows may be incomplete; run `sitrep doctor --db .*store\.db`/);
      assert.doesNotMatch(stats.stderr, /internal error/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
