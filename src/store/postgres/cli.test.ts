// The same corpus in SQLite and in PostgreSQL through the command line: `sitrep ingest examples/`
// into each, then every export of events and incidents, compared byte for byte.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProgram } from '../../cli.js';
import { ingest } from '../../ingest/run.js';
import { pgDescribe, tempSchema } from './testing.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));

async function run(args: string[]): Promise<string> {
  let out = '';
  await buildProgram((s) => (out += s)).parseAsync(['node', 'sitrep', ...args]);
  return out;
}

await pgDescribe('sitrep on SQLite and on PostgreSQL', () => {
  it('ingests examples/ into both and exports the same bytes', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-both-'));
    const t = tempSchema();
    try {
      const lite = join(dir, 'ex.db');
      for (const db of [lite, t.url]) await ingest([EXAMPLES], { db, workers: 0, quiet: true, out: () => {} });
      const exports = [
        ['events', '--country', 'SY', '--format', 'csv'],
        ['events', '--format', 'csv'],
        ['events', '--format', 'geojson'],
        ['events', '--format', 'json', '--actor', 'ISR', '--kind', 'remote_violence'],
        ['events', '--format', 'ndjson', '--bbox', '30,10,50,40', '--from', '2024-01-01'],
        ['events', '--format', 'csv', '-q', 'killed'],
        ['events', '--format', 'csv', '-q', 'air strike'],
        ['incidents', '--format', 'csv', '-q', 'killed'],
        ['incidents', '--format', 'csv'],
        ['incidents', '--format', 'json', '--min-corroboration', '2'],
        ['stats', '--format', 'json'],
      ];
      for (const args of exports) {
        const [a, b] = [await run([...args, '--db', lite]), await run([...args, '--db', t.url])];
        assert.ok(a.length > 50, args.join(' '));
        // stats adds the job queue for PostgreSQL: the corpus's counts must match.
        if (args[0] === 'stats') assert.deepEqual({ ...JSON.parse(b), queue: undefined }, { ...JSON.parse(a), queue: undefined });
        else assert.ok(b === a, `${args.join(' ')}: the outputs differ`);
      }
    } finally {
      await t.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
