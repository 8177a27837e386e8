import { statSync, type Stats } from 'node:fs';

/** A problem with what the user gave us: printed as one line naming the input, exit code 2. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly problem: string,
  ) {
    super(`${input}: ${problem}`);
    this.name = 'InputError';
  }
}

/** A file the user named, as stat gives it; an InputError when there is none or it is a folder (`folder`: what to say then). */
export function statFile(path: string, folder: string): Stats {
  let st: Stats;
  try {
    st = statSync(path);
  } catch {
    throw new InputError(path, 'no such file');
  }
  if (st.isDirectory()) throw new InputError(path, folder);
  return st;
}
