// Reading the language data under data/: found from the package root, parsed once per process.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

const cache = new Map<string, unknown>();

export function loadYaml<T>(relative: string): T {
  if (!cache.has(relative)) cache.set(relative, parse(readFileSync(join(DATA_DIR, relative), 'utf8')));
  return cache.get(relative) as T;
}
