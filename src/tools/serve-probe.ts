// What the load test (./load-test.ts) and the answer comparison (./serve-diff.ts) share: the mix of
// query shapes, and `sitrep serve` started in a child process on a loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Probe {
  name: string;
  path: string;
}

/** The mix of queries: filters a user of the map and table would send (`cursors`: the next pages of "no filter" and "country"). */
export function queries(cursors: Record<string, string>): Probe[] {
  const q: Probe[] = [
    { name: 'no filter', path: '/api/events' },
    { name: 'country', path: '/api/events?country=UA' },
    { name: 'country (alpha-3)', path: '/api/events?country=SYR' },
    { name: 'kind', path: '/api/events?kind=air_strike' },
    { name: 'family', path: '/api/events?kind=battle' },
    { name: 'date range (a month)', path: '/api/events?from=2023-03-01&to=2023-03-31' },
    { name: 'country + kind', path: '/api/events?country=SD&kind=armed_clash' },
    { name: 'country + month', path: '/api/events?country=PS&from=2024-01-01&to=2024-01-31' },
    { name: 'text search', path: '/api/events?q=hospital' },
    { name: 'text + country', path: '/api/events?q=convoy&country=YE' },
    { name: 'actor code', path: '/api/events?actor=RUS' },
    { name: 'actor name', path: '/api/events?actor=Houthis' },
    { name: 'bbox (Levant)', path: '/api/events?bbox=34,29,37,34' },
    { name: 'min corroboration 2', path: '/api/events?min_corroboration=2' },
    { name: 'limit 20', path: '/api/events?limit=20&country=ML' },
  ];
  for (const [name, c] of Object.entries(cursors)) q.push({ name: `${name}, page 2`, path: `/api/events?${name === 'country' ? 'country=UA&' : ''}cursor=${encodeURIComponent(c)}` });
  return q;
}

/** `sitrep serve --db db` of the checkout at `root` (this one by default), ingest off. */
export async function startServer(db: string, root = ROOT): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, 'bin', 'sitrep.js'), 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SITREP_TOKEN: '' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the server did not start within 60 s')), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    });
    child.stderr!.on('data', (d: Buffer) => process.stderr.write(d));
    child.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
}
