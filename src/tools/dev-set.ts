// The arguments of the evaluation tools that score a development set kept beside the repository
// (../shared/data/…): `[file] [--errors N]`. Without the set they say so and score nothing.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The file to read (the first argument that is no option, else `data/<relative>` under ../shared)
 * and how many errors to list (--errors N, 20 when N is left out); null when the file is not there.
 */
export function devSetArgs(tool: string, name: string, relative: string, args = process.argv.slice(2)): { file: string; errors: number } | null {
  const errAt = args.indexOf('--errors');
  const errors = errAt >= 0 ? Number(args[errAt + 1] ?? 20) : 0;
  const fileArg = args.find((a, i) => !a.startsWith('--') && (errAt < 0 || i !== errAt + 1));
  const file = fileArg ?? fileURLToPath(new URL(`../../../shared/data/${relative}`, import.meta.url));
  if (!existsSync(file)) {
    console.log(`${tool}: ${file} not found (${name} lives in ../shared/data/${relative.split('/')[0]} beside the repository); nothing to score.`);
    return null;
  }
  return { file, errors };
}
