import { InputError } from './errors.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Checks a publication date given by the user: an ISO 8601 date or datetime that exists. */
export function parsePublishedOrThrow(value: string | undefined | null, input = '--published'): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const m = ISO.exec(value);
  if (m) {
    const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    const real = day.getUTCMonth() === Number(m[2]) - 1 && day.getUTCDate() === Number(m[3]);
    if (real && !Number.isNaN(Date.parse(m[4] ? value : `${value}T00:00:00Z`))) return value;
  }
  throw new InputError(input, `not an ISO 8601 date or datetime: "${value}" (expected e.g. 2023-04-05)`);
}
