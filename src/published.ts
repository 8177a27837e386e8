import { InputError } from './errors.js';
import { isRealDate } from './days.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Checks a publication date given by the user: an ISO 8601 date or datetime that exists. */
export function parsePublishedOrThrow(value: string | undefined | null, input = '--published'): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const m = ISO.exec(value);
  if (m) {
    const real = isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (real && !Number.isNaN(Date.parse(m[4] ? value : `${value}T00:00:00Z`))) return value;
  }
  throw new InputError(input, `not an ISO 8601 date or datetime: "${value}" (expected e.g. 2023-04-05)`);
}
