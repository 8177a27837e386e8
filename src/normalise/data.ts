// Reading the normaliser's data files (data/normalise/*.tsv): '#' lines are comments, fields are
// tab-separated. Paths resolve from this module, so they work from src/ and dist/ alike.
import { readFileSync } from 'node:fs';

export function dataPath(name: string): URL {
  return new URL(`../../data/normalise/${name}`, import.meta.url);
}

/** Rows of a TSV data file, with the comment and blank lines left out. */
export function readTsv(name: string): string[][] {
  return readFileSync(dataPath(name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.replace(/\r$/, '').split('\t'));
}
