// Country codes: alpha-2 ↔ alpha-3 ↔ ISO numeric ↔ name, from world-countries (ODbL 1.0,
// github.com/mledoze/countries). Loaded on first use; the query commands need it, not the pipeline.
import { createRequire } from 'node:module';

interface Row {
  cca2: string;
  cca3: string;
  ccn3: string;
  name: { common: string; official: string };
  altSpellings: string[];
}

export interface CountryCode {
  alpha2: string;
  alpha3: string;
  /** ISO 3166-1 numeric (ACLED's `iso` column), or null where the list has none (e.g. Kosovo) */
  numeric: number | null;
  name: string;
}

let byCode: Map<string, CountryCode> | null = null;

function load(): Map<string, CountryCode> {
  if (byCode) return byCode;
  const rows = createRequire(import.meta.url)('world-countries') as Row[];
  byCode = new Map();
  for (const r of rows) {
    const c: CountryCode = { alpha2: r.cca2, alpha3: r.cca3, numeric: r.ccn3 ? Number(r.ccn3) : null, name: r.name.common };
    byCode.set(r.cca2, c);
    byCode.set(r.cca3, c);
  }
  // Names last, so that a code never loses to a name.
  for (const r of rows) for (const n of [r.name.common, r.name.official]) if (!byCode.has(n.toUpperCase())) byCode.set(n.toUpperCase(), byCode.get(r.cca2)!);
  return byCode;
}

/** The country for an alpha-2 or alpha-3 code, or a country name (any case); undefined when unknown. */
export function country(codeOrName: string | null | undefined): CountryCode | undefined {
  if (!codeOrName) return undefined;
  return load().get(codeOrName.trim().toUpperCase());
}
