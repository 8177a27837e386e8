// Where the package's own files are, wherever the importing module sits under dist/: modules
// move between folders, the package root does not.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
/** data/: read through src/data/ only */
export const DATA_DIR = join(PACKAGE_ROOT, 'data');

/** A file under the package root (examples/, test/). */
export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}

/** The package root as a file URL (ends in a slash), for `new URL('examples/…', PACKAGE_URL)`. */
export const PACKAGE_URL = new URL('../', import.meta.url);
