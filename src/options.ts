// Numeric command-line options, all read by one schema: a whole number in a stated range, or an
// InputError naming the option (exit 2). `Number("abc")` is NaN and `Number("1e9")` a billion: both
// once slipped through as a thread count, so nothing numeric is read with Number() alone.
import { Option } from 'commander';
import { z } from 'zod';
import { InputError } from './errors.js';

/** The ranges of the numeric options, by flag. One place: help texts and checks come from here. */
export const NUMERIC_OPTIONS = {
  '--workers': { min: 0, max: 256, what: 'worker threads' },
  '--limit': { min: 1, max: 999_999_999, what: 'rows' },
  '--min-corroboration': { min: 0, max: 999_999_999, what: 'sources' },
  '--port': { min: 0, max: 65535, what: 'a port number' },
  '--readers': { min: 0, max: 64, what: 'reader threads' },
  '--timeout': { min: 1, max: 3_600_000, what: 'milliseconds' },
  '--retry-delay': { min: 0, max: 3_600_000, what: 'milliseconds' },
  '--concurrency': { min: 1, max: 256, what: 'jobs at once' },
} as const satisfies Record<string, { min: number; max: number; what: string }>;

export type NumericFlag = keyof typeof NUMERIC_OPTIONS;

/** A whole number from min to max written in plain digits (no sign, exponent, fraction or hex). */
export function wholeNumber(min: number, max: number) {
  const problem = (v: string) => `expected a whole number from ${min} to ${max}, got "${v}"`;
  return z.string().transform((raw, ctx) => {
    const v = raw.trim();
    // Digits only, and no more of them than the maximum has: "1e9", "0x10", "-1", "2.5" and
    // 400-digit numbers are all refused before Number() could read them.
    const n = /^\d+$/.test(v) && v.length <= String(max).length ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: problem(raw) });
      return z.NEVER;
    }
    return n;
  });
}

/** The value of a numeric option, or an InputError naming it. */
export function parseNumeric(flag: NumericFlag, value: string, range: { min?: number; max?: number } = {}): number {
  const r = NUMERIC_OPTIONS[flag];
  const got = wholeNumber(range.min ?? r.min, range.max ?? r.max).safeParse(value);
  if (!got.success) throw new InputError(flag, got.error.issues[0].message);
  return got.data;
}

/**
 * A commander option whose value is checked when the command line is read (before any work
 * starts); the default, when given, is checked the same way. `flags` is e.g. "--workers <n>".
 */
export function numericOption(flags: string, description: string, dflt?: number, range: { min?: number; max?: number } = {}): Option {
  const flag = flags.split(/[\s,]+/).find((f) => f.startsWith('--')) as NumericFlag;
  if (!(flag in NUMERIC_OPTIONS)) throw new Error(`numericOption: ${flag} has no range in NUMERIC_OPTIONS`);
  const o = new Option(flags, description).argParser((v: string) => parseNumeric(flag, v, range));
  return dflt === undefined ? o : o.default(parseNumeric(flag, String(dflt), range));
}
