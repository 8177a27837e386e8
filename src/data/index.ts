// The data layer: every file under data/, each read through its zod schema (the modules beside
// this one, one per folder of data/) and parsed once per process. Stages turn what `data()`
// returns into their look-up tables; nothing else reads data/.
import { load, readFile, type FileSpec } from './read.js';
import { files as actors } from './actors.js';
import { files as corroboration } from './corroboration.js';
import { files as countries } from './countries.js';
import { files as entities } from './entities.js';
import { files as evaluation } from './eval.js';
import { files as events } from './events.js';
import { files as framing } from './framing.js';
import { files as gazetteer } from './gazetteer.js';
import { files as normalise } from './normalise.js';
import { files as quotes } from './quotes.js';
import { files as taxonomy } from './taxonomy.js';
import { files as time } from './time.js';

export { DataError } from './read.js';

/** Every file under data/ (relative to it) and how it is read. A test checks nothing is missing. */
export const FILES = { ...actors, ...corroboration, ...countries, ...entities, ...evaluation, ...events, ...framing, ...gazetteer, ...normalise, ...quotes, ...taxonomy, ...time };

export type DataFile = keyof typeof FILES;
export type Content<F extends DataFile> = (typeof FILES)[F] extends FileSpec<infer T> ? T : never;

/** The validated content of a data file (read on first use; a bad file throws a DataError). */
export function data<F extends DataFile>(file: F): Content<F> {
  return load(file, FILES[file] as FileSpec<Content<F>>);
}

/** The same, read afresh from another folder laid out like data/ (for tests). */
export function readDataFrom<F extends DataFile>(root: string, file: F): Content<F> {
  return readFile(file, FILES[file] as FileSpec, root) as Content<F>;
}

