// Files the web UI is made of, all from the package itself (no CDN, no tile server): the UI's own
// modules (src/serve/ui, read from the source tree, so `npm run build` needs no copy step),
// Leaflet from node_modules, and country borders converted once from world-atlas' TopoJSON.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { pushAll } from '../arrays.js';

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
    // Its package exports only its ES module; the browser build sits beside it in dist/.
    ['/vendor/supercluster/', join(dirname(require.resolve('supercluster')), 'dist')],
  ];
}

/** Files under a folder, as paths relative to it with "/" between parts. */
function filesUnder(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const d of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) pushAll(out, filesUnder(dir, r));
    else if (d.isFile()) out.push(r);
  }
  return out;
}

/**
 * The files the UI is made of, listed once when the server starts: a request names one of them
 * or gets nothing (no path is ever joined from what a request says), and the cache holds at most
 * one entry per listed file, whatever is asked for.
 */
export class StaticFiles {
  private readonly files = new Map<string, { file: string; type: string }>();
  private readonly cache = new Map<string, Asset>();

  constructor() {
    for (const [prefix, dir] of mounts())
      for (const rel of filesUnder(dir)) {
        const type = TYPES[extname(rel).toLowerCase()];
        if (type) this.files.set(prefix + rel, { file: join(dir, ...rel.split('/')), type });
      }
  }

  /** The file for a URL path, or null. */
  get(path: string): Asset | null {
    if (path === '/' || path === '/index.html') path = '/ui/index.html';
    if (path === '/geo/countries.json') return this.memo(path, countriesGeoJson);
    let name: string;
    try {
      name = decodeURIComponent(path);
    } catch {
      return null;
    }
    const f = this.files.get(name);
    if (!f) return null;
    return this.memo(name, () => {
      try {
        return asset(readFileSync(f.file), f.type);
      } catch {
        return null;
      }
    });
  }

  /** Entries cached (at most one per file listed, plus the country borders). */
  get size(): number {
    return this.cache.size;
  }

  private memo(key: string, make: () => Asset | null): Asset | null {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const a = make();
    if (a) this.cache.set(key, a);
    return a;
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
