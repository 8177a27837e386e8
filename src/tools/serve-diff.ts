// Byte-for-byte comparison of the answers of two checkouts of `sitrep serve` on the same store: a
// change meant to make the server faster must not change what it says.
//
//   node dist/tools/serve-diff.js --db PATH|postgres://… --base DIR [--new DIR]
//
// DIR: a built checkout (its bin/sitrep.js and dist/); --new defaults to this one. Asks the load
// test's query shapes (./serve-probe.ts), a few more lists and exports, two further pages of each
// list, and the first event, incident and article of each; compares status, content type, length
// and body. Facets and counts are left out: they count within a time budget, so on a large store
// two runs of one build differ.
// Exit status 1 when an answer differs.
import { parseArgs } from 'node:util';
import { queries, startServer } from './serve-probe.js';

const MORE = [
  '/api/events?limit=1',
  '/api/events?limit=500',
  '/api/events?outlet=Outlet%20K',
  '/api/events?q=nothingmatcheszzz',
  '/api/events?actor=Houthis&min_corroboration=2',
  '/api/events?limit=abc',
  '/api/events?cursor=bad',
  '/api/incidents',
  '/api/incidents?q=hospital',
  '/api/events.csv?limit=300',
  '/api/events.geojson?limit=50',
  '/api/events.jsonl?limit=1200',
  '/api/incidents.csv?limit=20',
  '/api/stats',
];

// Pages that start deep in a store (a cursor at 2023-01-01, before any id of that day), where a
// page is read from an index range rather than walked down to: the first and second pages of a
// list do not tell the two apart.
const DEEP = encodeURIComponent(Buffer.from(`${Date.UTC(2023, 0, 1) / 86_400_000}:${Number.MAX_SAFE_INTEGER}`).toString('base64url'));
MORE.push(
  `/api/events?cursor=${DEEP}`,
  `/api/events?country=UA&cursor=${DEEP}`,
  `/api/events?q=hospital&cursor=${DEEP}`,
  `/api/events?actor=RUS&cursor=${DEEP}`,
  `/api/incidents?cursor=${DEEP}`,
  `/api/incidents?country=SY&cursor=${DEEP}`,
);

interface Answer {
  status: number;
  head: string;
  body: Buffer;
}

async function get(url: string): Promise<Answer> {
  const r = await fetch(url);
  return { status: r.status, head: `${r.headers.get('content-type')} ${r.headers.get('content-length')}`, body: Buffer.from(await r.arrayBuffer()) };
}

async function main(): Promise<void> {
  const { values: o } = parseArgs({ options: { db: { type: 'string' }, base: { type: 'string' }, new: { type: 'string' } } });
  if (!o.db || !o.base) throw new Error('usage: serve-diff --db PATH|postgres://… --base DIR [--new DIR]');
  const [a, b] = [await startServer(o.db, o.base), await startServer(o.db, o.new)];
  let asked = 0;
  const differ: string[] = [];
  const compare = async (path: string): Promise<Answer> => {
    const [x, y] = [await get(a.url + path), await get(b.url + path)];
    asked++;
    if (x.status !== y.status || x.head !== y.head || !x.body.equals(y.body)) differ.push(`${path}: ${x.status} ${x.head} → ${y.status} ${y.head}`);
    return x;
  };
  try {
    const items: string[] = [];
    for (const path of [...queries({}).map((q) => q.path), ...MORE]) {
      const first = await compare(path);
      let page: { next?: string | null; items?: { id: number; article?: { id: number }; incidentId?: number | null }[] };
      try {
        page = JSON.parse(first.body.toString());
      } catch {
        continue; // an export
      }
      const e = page.items?.[0];
      if (e?.article) items.push(`/api/events/${e.id}`, `/api/articles/${e.article.id}`, ...(e.incidentId ? [`/api/incidents/${e.incidentId}`] : []));
      // The path's own cursor (DEEP) gives way to the next one.
      const bare = path.replace(/([?&])cursor=[^&]*&?/, '$1').replace(/[?&]$/, '');
      for (let k = 0, next = page.next; k < 2 && next; k++)
        next = JSON.parse((await compare(`${bare}${bare.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(next)}`)).body.toString()).next;
    }
    for (const path of items) await compare(path);
  } finally {
    a.child.kill();
    b.child.kill();
  }
  process.stdout.write(`${asked} answers compared, ${differ.length} differ\n${differ.map((d) => `  ${d}\n`).join('')}`);
  if (differ.length) process.exitCode = 1;
}

main().catch((e) => {
  process.stderr.write(`serve-diff: ${(e as Error).message}\n`);
  process.exitCode = 2;
});
