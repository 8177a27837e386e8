// Reading the language data under data/: found from the package root, parsed once per process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

import { DATA_DIR } from '../../paths.js';

export { DATA_DIR };

const cache = new Map<string, unknown>();

export function loadYaml<T>(relative: string): T {
  if (!cache.has(relative)) cache.set(relative, parse(readFileSync(join(DATA_DIR, relative), 'utf8')));
  return cache.get(relative) as T;
}
