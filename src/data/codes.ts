// Value shapes shared by the schemas of several data files.
import { z } from 'zod';

/** ISO 3166-1 alpha-3 ("SYR") */
export const Alpha3 = z.string().regex(/^[A-Z]{3}$/, 'not an ISO 3166-1 alpha-3 code');
/** ISO 3166-1 alpha-2 ("SY") */
export const Alpha2 = z.string().regex(/^[A-Z]{2}$/, 'not an ISO 3166-1 alpha-2 code');
/** An alpha-3 code, or "-" for none (TSV files) */
export const Alpha3OrNone = z.union([Alpha3, z.literal('-')]);
/** A non-empty TSV field */
export const Field = z.string().min(1, 'empty');
/** A list of words or phrases (YAML) */
export const Words = z.array(z.string().min(1));
/** A decimal number written in a TSV field */
export const Decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'not a number')
  .transform(Number);
