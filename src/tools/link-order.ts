// `node dist/tools/link-order.js [--reports N] [--seed S] [--db postgres://…] [--quiet]`: do the
// store's incidents depend on the order reports arrive in? (issue 11: linking decisions
// deterministic whatever the order.) N generated reports (src/tools/corpus.ts, default 400: a
// crowded corpus where chains of similar reports form) are extracted once, then stored in fresh
// stores in file order, reversed and in a seeded shuffle. The incident partitions (which events
// share an incident, and the incident ids) are compared with each other and with the partition
// the corroboration module makes of the whole set at once (groupIncidents), which depends on the
// set alone. Exits 1 when any two differ.
//
// Without --db, each order goes into a SQLite file in a temporary folder; with a PostgreSQL URL,
// each goes into a schema of its own there (dropped afterwards).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedReports, rng } from './corpus.js';
import { extractItem } from '../ingest/extract-item.js';
import { corroborationJson, type PreparedArticle } from '../store/prepare.js';
import { articleKey } from '../store/link.js';
import { openStore } from '../store/open.js';
import { groupIncidents, type CorroborationEvent } from '../corroborate/index.js';
import { dropSchema, withSchema } from '../store/postgres/connect.js';
import type { Store } from '../store/types.js';

const argv = process.argv.slice(2);
const arg = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const N = Number(arg('--reports') ?? 400);
const SEED = Number(arg('--seed') ?? 7);
const PG = arg('--db');
const QUIET = argv.includes('--quiet');
const VERBOSE = argv.includes('--verbose');
const described = new Map<number, string>();

/** Event id → the sorted ids of its incident's members (the partition), and event id → incident id. */
interface Partition {
  groupOf: Map<number, string>;
  incidentOf: Map<number, number | string>;
  incidents: number;
}

function partitionOf(pairs: [number, number | string][]): Partition {
  const members = new Map<number | string, number[]>();
  for (const [e, inc] of pairs) members.set(inc, [...(members.get(inc) ?? []), e]);
  const groupOf = new Map<number, string>();
  for (const ms of members.values()) {
    const key = ms.sort((a, b) => a - b).join(',');
    for (const e of ms) groupOf.set(e, key);
  }
  return { groupOf, incidentOf: new Map(pairs), incidents: members.size };
}

/** Events placed in a different group, and incidents (groups) found in one partition and not the other. */
function diff(a: Partition, b: Partition): { events: number; groups: number } {
  let events = 0;
  for (const [e, g] of a.groupOf) if (b.groupOf.get(e) !== g) events++;
  const ga = new Set(a.groupOf.values());
  const gb = new Set(b.groupOf.values());
  return { events, groups: [...ga].filter((g) => !gb.has(g)).length + [...gb].filter((g) => !ga.has(g)).length };
}

const lines = generatedReports(N, SEED);
const prepared: PreparedArticle[] = [];
for (const [i, l] of lines.entries()) {
  const o = JSON.parse(l);
  const r = extractItem({ source: o.id, key: null, text: o.text, isHtml: false, id: o.id, url: o.url, title: null, outlet: o.outlet, published: o.published, license: null, fallback: { published: null, outlet: null, license: null }, size: 0 });
  if (!r.ok) throw new Error(`report ${i}: ${JSON.stringify(r)}`);
  prepared.push(r.prepared);
}

const rand = rng(SEED * 7919 + 1);
const shuffled = prepared.map((_, i) => i);
for (let i = shuffled.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
}
const orders: [string, number[]][] = [
  ['file order', prepared.map((_, i) => i)],
  ['reversed', prepared.map((_, i) => prepared.length - 1 - i)],
  [`shuffled (seed ${SEED})`, shuffled],
];

const dir = mkdtempSync(join(tmpdir(), 'sitrep-linkorder-'));
let canonical: Partition | null = null;
const results: { name: string; p: Partition; cpuMs: number }[] = [];
try {
  for (const [name, order] of orders) {
    const schema = `sitrep_linkorder_${process.pid}_${results.length}`;
    const url = PG ? withSchema(PG, schema) : join(dir, `${results.length}.db`);
    const store: Store = await openStore(url);
    const linked: [number, number | string][] = [];
    const ces: CorroborationEvent[] = [];
    const storeIdOf = new Map<string, number>();
    try {
      const c0 = process.cpuUsage();
      for (const i of order) {
        const p = prepared[i];
        const put = await store.putPrepared(p, { source: `r${i}`, url: p.article.url });
        p.events.forEach((e, k) => {
          if (!e.link || e.ceJson === null) return;
          const ce = JSON.parse(corroborationJson(e, articleKey(put.articleId))!) as CorroborationEvent;
          ces.push(ce);
          storeIdOf.set(ce.id, put.eventIds[k]);
          described.set(put.eventIds[k], `${ce.id} ${ce.kind} ${ce.place ?? '-'} ${ce.precision ?? ''} ${ce.date ?? `(published ${ce.published})`} ${ce.initiator?.country ?? ''}>${ce.target?.country ?? ''}`);
        });
      }
      const used = process.cpuUsage(c0);
      let cursor: string | null = null;
      do {
        const page = await store.events({ limit: 1000, cursor });
        for (const e of page.items) if (e.incidentId !== null) linked.push([e.id, e.incidentId]);
        cursor = page.cursor;
      } while (cursor);
      results.push({ name, p: partitionOf(linked), cpuMs: (used.user + used.system) / 1000 });
      if (!canonical) {
        const byModule: [number, string][] = [];
        for (const inc of groupIncidents(ces)) for (const e of inc.events) byModule.push([storeIdOf.get(e.id)!, inc.id]);
        canonical = partitionOf(byModule);
      }
    } finally {
      await store.close();
      if (PG) await dropSchema(PG, schema);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const events = results[0].p.groupOf.size;
console.log(`${N} generated reports (seed ${SEED}), ${events} events, ${PG ? 'PostgreSQL' : 'SQLite'}`);
console.log(`  the whole set at once (groupIncidents): ${canonical!.incidents} incidents`);
let failed = false;
for (const r of results) {
  const d = diff(r.p, canonical!);
  console.log(`  ${r.name.padEnd(18)} ${String(r.p.incidents).padStart(5)} incidents; vs the whole set: ${d.events} events placed differently, ${d.groups} groups differ; store CPU ${(r.cpuMs / 1000).toFixed(1)} s`);
  if (d.events) failed = true;
  if (VERBOSE && d.events) {
    const shown = new Set<string>();
    for (const [e, g] of r.p.groupOf) {
      const c = canonical!.groupOf.get(e)!;
      if (c === g || shown.has(g)) continue;
      shown.add(g);
      console.log(`    stored together: ${g.split(',').map((x) => described.get(Number(x))).join(' | ')}`);
      console.log(`    the whole set:   ${c.split(',').map((x) => described.get(Number(x))).join(' | ')}`);
    }
  }
}
for (let i = 1; i < results.length; i++) {
  const d = diff(results[0].p, results[i].p);
  let ids = 0;
  for (const [e, inc] of results[0].p.incidentOf) if (results[i].p.incidentOf.get(e) !== inc) ids++;
  console.log(`  ${results[0].name} vs ${results[i].name}: ${d.events} events placed differently, ${d.groups} groups differ, ${ids} events with another incident id`);
  if (d.events || ids) failed = true;
}
if (!QUIET || failed) console.log(failed ? 'FAIL: the incidents depend on the order of arrival' : 'ok: the same incidents and ids in every order');
process.exitCode = failed ? 1 : 0;
