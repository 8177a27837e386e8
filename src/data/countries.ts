// The states: the world-countries package (ODbL 1.0, github.com/mledoze/countries), loaded once
// for every stage, and data/countries/aliases.tsv, the names of states it lacks.
import { createRequire } from 'node:module';
import { z } from 'zod';
import { DataError, load, tsv } from './read.js';
import { Alpha3, Field } from './codes.js';

/** One record of world-countries, as far as sitrep reads it. */
export interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  /** ISO 3166-1 numeric, '' where there is none (Kosovo) */
  ccn3: string;
  capital: string[];
  altSpellings: string[];
  latlng: [number, number];
  independent: boolean | null;
  unMember: boolean;
  area: number;
  /** alpha-3 codes of the states it borders */
  borders?: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

let world: readonly WorldCountry[] | null = null;

/** Every state and territory in world-countries, in the package's order. */
export function worldCountries(): readonly WorldCountry[] {
  return (world ??= createRequire(import.meta.url)('world-countries') as WorldCountry[]);
}

const aliasesFile = tsv(z.strictObject({ alias: Field, country: Alpha3, place: z.enum(['yes', 'no']), note: z.string() }));

export const files = {
  'countries/aliases.tsv': aliasesFile,
};

export interface CountryAlias {
  alias: string;
  alpha3: string;
  alpha2: string;
  /** also a name of the state's territory (a place), not only of the state */
  place: boolean;
}

let aliases: CountryAlias[] | null = null;

/** The names of states that world-countries lacks (data/countries/aliases.tsv), in file order. */
export function countryAliases(): CountryAlias[] {
  if (aliases) return aliases;
  const alpha2 = new Map(worldCountries().map((c) => [c.cca3, c.cca2]));
  aliases = load('countries/aliases.tsv', aliasesFile).map((r) => {
    const a2 = alpha2.get(r.country);
    if (!a2) throw new DataError('data/countries/aliases.tsv', `"${r.alias}": ${r.country} is no country in world-countries`);
    return { alias: r.alias, alpha3: r.country, alpha2: a2, place: r.place === 'yes' };
  });
  return aliases;
}
