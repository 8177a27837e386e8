import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { DATA_DIR } from '../paths.js';
import { data, FILES, readDataFrom, type DataFile } from './index.js';
import { compiledYaml, compileYaml } from './read.js';

const YAML_FILES = (Object.keys(FILES) as DataFile[]).filter((f) => FILES[f].format === 'yaml');

test('the build stores each YAML file parsed, under its name and the hash of its text', () => {
  const stored = JSON.parse(compileYaml(['time/cues.yaml']).json);
  const text = readFileSync(join(DATA_DIR, 'time/cues.yaml'), 'utf8');
  assert.deepEqual(Object.keys(stored), ['data/time/cues.yaml']);
  assert.deepEqual(stored['data/time/cues.yaml'].value, parseDocument(text).toJS());
});

test('a YAML file edited since the build is parsed again, not read from what the build stored', () => {
  for (const f of YAML_FILES) {
    const text = readFileSync(join(DATA_DIR, f), 'utf8');
    // (`npm run build` stored every file: npm test builds first)
    assert.deepEqual(compiledYaml(`data/${f}`, text), parseDocument(text).toJS(), `${f}: not stored by the build`);
    assert.equal(compiledYaml(`data/${f}`, `${text}\n# edited\n`), undefined, f);
  }
});

test('every YAML file reads the same through the stored values as parsed afresh', () => {
  // A copy of data/ elsewhere is never looked up in the stored values.
  const root = mkdtempSync(join(tmpdir(), 'sitrep-data-'));
  try {
    cpSync(DATA_DIR, root, { recursive: true });
    for (const f of YAML_FILES) assert.deepEqual(data(f), readDataFrom(root, f), f);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
