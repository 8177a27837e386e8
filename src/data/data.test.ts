import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { DATA_DIR } from '../paths.js';
import { data, DataError, FILES, readDataFrom, type DataFile } from './index.js';
import { readFile, tsv, yaml } from './read.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = join(dir, f);
    return statSync(full).isDirectory() ? filesUnder(full) : [relative(DATA_DIR, full)];
  });
}

test('every file under data/ has a schema in the data layer, and every schema a file', () => {
  const onDisk = filesUnder(DATA_DIR).filter((f) => !f.endsWith('.md')).sort();
  assert.deepEqual(onDisk, Object.keys(FILES).sort());
});

test('every data file reads as its schema says', () => {
  for (const f of Object.keys(FILES) as DataFile[]) assert.doesNotThrow(() => data(f), f);
});

/** The first key of the root map and of the first map inside a list: keys the schema fixes. */
function fixedKeys(text: string): { key: string; at: number }[] {
  const doc = parseDocument(text);
  const out: { key: string; at: number }[] = [];
  const firstKey = (n: unknown) => {
    if (!isMap(n) || !n.items.length) return;
    const k = n.items[0].key as Node & { value: string };
    out.push({ key: String(k.value), at: k.range![0] });
  };
  firstKey(doc.contents);
  const inList = (n: unknown): boolean => {
    if (isSeq(n)) {
      for (const item of n.items) if (isMap(item)) return (firstKey(item), true);
      return n.items.some(inList);
    }
    return isMap(n) && n.items.some((p) => inList(p.value));
  };
  inList(doc.contents);
  return out;
}

test('a mistyped key in any data file fails, naming the file and the key', () => {
  const root = mkdtempSync(join(tmpdir(), 'sitrep-data-'));
  try {
    cpSync(DATA_DIR, root, { recursive: true });
    let tried = 0;
    for (const f of Object.keys(FILES) as DataFile[]) {
      const path = join(root, f);
      const text = readFileSync(path, 'utf8');
      const typos: { key: string; text: string }[] = [];
      if (f.endsWith('.tsv')) {
        // the header row's first column
        const lines = text.split('\n');
        const h = lines.findIndex((l) => l.trim() && !l.startsWith('#'));
        const key = lines[h].split('\t')[0];
        lines[h] = lines[h].replace(key, `${key}x`);
        typos.push({ key, text: lines.join('\n') });
      } else {
        for (const { key, at } of fixedKeys(text)) typos.push({ key, text: text.slice(0, at) + `${key}x` + text.slice(at + key.length) });
      }
      assert.ok(typos.length, `${f}: no key to mistype`);
      for (const t of typos) {
        writeFileSync(path, t.text);
        assert.throws(
          () => readDataFrom(root, f),
          (e: Error) => e instanceof DataError && e.message.includes(f) && e.message.includes(`${t.key}x`),
          `${f}: "${t.key}x" for "${t.key}"`,
        );
        tried++;
      }
      writeFileSync(path, text);
    }
    assert.ok(tried >= Object.keys(FILES).length);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-data-'));
  writeFileSync(join(dir, name), text);
  return dir;
}

test('a TSV row with a bad value is reported by file, line and column', () => {
  const dir = tempFile('cues.tsv', '# a comment\ncue\ttype\nagency\tORG\nbrigade\tORGG\n');
  const spec = tsv(z.strictObject({ cue: z.string(), type: z.enum(['ORG', 'GPE']) }));
  try {
    assert.throws(() => readFile('cues.tsv', spec, dir), /cues\.tsv:4: column "type": Invalid option: expected one of "ORG"\|"GPE"/);
    writeFileSync(join(dir, 'cues.tsv'), 'cue\ttype\nagency\tORG\textra\n');
    assert.throws(() => readFile('cues.tsv', spec, dir), /cues\.tsv:2: 3 fields, but the header names 2 columns/);
    writeFileSync(join(dir, 'cues.tsv'), 'cue\ntown\n');
    assert.throws(() => readFile('cues.tsv', spec, dir), /cues\.tsv:1: the header row must name the columns cue, type \(missing "type"\)/);
    // trailing columns may be left out: they read as ''
    writeFileSync(join(dir, 'cues.tsv'), 'type\tcue\nGPE\n');
    assert.deepEqual(readFile('cues.tsv', tsv(z.strictObject({ cue: z.string(), type: z.string() })), dir), [{ type: 'GPE', cue: '' }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a YAML key the schema does not know is reported with its line and path', () => {
  const text = 'kinds:\n  strike:\n    - { p: "air strike", voice: nominal }\n    - { p: "raid", vocie: nominal }\n';
  const dir = tempFile('triggers.yaml', text);
  const spec = yaml(z.strictObject({ kinds: z.record(z.string(), z.array(z.strictObject({ p: z.string(), voice: z.string().optional() }))) }));
  try {
    assert.throws(() => readFile('triggers.yaml', spec, dir), /triggers\.yaml: line 4, key kinds\.strike\.1\.vocie: unknown key "vocie"/);
    writeFileSync(join(dir, 'triggers.yaml'), 'kinds: [unclosed\n');
    assert.throws(() => readFile('triggers.yaml', spec, dir), /triggers\.yaml:\d+: /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
