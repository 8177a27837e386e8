// Files the web UI is made of, all from the package itself (no CDN, no tile server): the UI's own
// modules (src/serve/ui, read from the source tree, so `npm run build` needs no copy step),
// Leaflet from node_modules, and country borders converted once from world-atlas' TopoJSON.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** The package root: this file is src/serve/static.ts, compiled to dist/serve/static.js. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const UI_DIR = join(PACKAGE_ROOT, 'src', 'serve', 'ui');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

export interface Asset {
  body: Buffer;
  /** the body gzipped once, for clients that accept it */
  gzipped: Buffer;
  type: string;
  etag: string;
}

function asset(body: Buffer, type: string): Asset {
  return { body, gzipped: gzipSync(body, { level: 9 }), type, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"` };
}

/** URL prefix → folder. Only files with a known type are served. */
function mounts(): [string, string][] {
  return [
    ['/ui/', UI_DIR],
    ['/vendor/leaflet/', join(dirname(require.resolve('leaflet/package.json')), 'dist')],
  ];
}

export class StaticFiles {
  private cache = new Map<string, Asset | null>();
  private readonly mounts = mounts();

  /** The file for a URL path, or null. Paths that climb out of their folder are refused. */
  get(path: string): Asset | null {
    if (path === '/' || path === '/index.html') path = '/ui/index.html';
    if (path === '/geo/countries.json') return this.memo(path, countriesGeoJson);
    for (const [prefix, dir] of this.mounts) {
      if (!path.startsWith(prefix)) continue;
      let rel: string;
      try {
        rel = decodeURIComponent(path.slice(prefix.length));
      } catch {
        return null;
      }
      if (rel.includes('\0')) return null;
      const file = normalize(join(dir, rel));
      if (!file.startsWith(dir + sep)) return null;
      const type = TYPES[extname(file).toLowerCase()];
      if (!type) return null;
      return this.memo(path, () => {
        try {
          return asset(readFileSync(file), type);
        } catch {
          return null;
        }
      });
    }
    return null;
  }

  private memo(key: string, make: () => Asset | null): Asset | null {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key)!;
  }
}

interface Topology {
  objects: { countries: unknown };
}

/**
 * Natural Earth 1:110m country borders (world-atlas, ISC; Natural Earth is public domain) as
 * GeoJSON, each feature with its ISO codes and name, coordinates rounded to 0.01° (≈1 km: finer
 * than the 1:110m source).
 */
function countriesGeoJson(): Asset {
  const { feature } = require('topojson-client') as { feature: (t: Topology, o: unknown) => { features: { id?: string; properties: Record<string, unknown> }[] } };
  const topo = require('world-atlas/countries-110m.json') as Topology;
  const rows = require('world-countries') as { cca2: string; cca3: string; ccn3: string; name: { common: string } }[];
  const byNumeric = new Map(rows.filter((r) => r.ccn3).map((r) => [r.ccn3, r]));
  const fc = feature(topo, topo.objects.countries);
  for (const f of fc.features) {
    const r = f.id ? byNumeric.get(String(f.id).padStart(3, '0')) : undefined;
    f.properties = { name: r?.name.common ?? f.properties.name ?? null, a2: r?.cca2 ?? null, a3: r?.cca3 ?? null };
  }
  const json = JSON.stringify(fc, (_k, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v));
  return asset(Buffer.from(json), TYPES['.json']);
}
