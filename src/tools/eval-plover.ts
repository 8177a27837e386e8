// Scores event typing and actor coding on the PLOVER gold-standard records (OEDA, CC BY-SA 4.0):
//   node dist/tools/eval-plover.js [file.json] [--errors N]
// Default file: ../shared/data/plover/PLOVER_GSR_CAMEO.json beside the repository. Each record is
// one sentence with one PLOVER event; it runs through the whole pipeline and counts correct when
// some extracted event maps (data/taxonomy.yaml) to the record's PLOVER type. A sentence may hold
// other events too (PLOVER codes one per record), so precision per type is a lower bound.
// sitrep writes a threat to do something as that something with mode "threatened" ("threatened to
// shell Iraqi towns" is a shelling, threatened); PLOVER codes it THREATEN. The headline counts such
// an event as THREATEN; the strict figure (kind mapping only) is printed beside it.
// Actors: the matched event's initiator and target countries against the record's source and
// target codes (country codes only: IGO, NGO and other CAMEO sector codes are not countries).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { devSetArgs } from './dev-set.js';
import { extract } from '../pipeline.js';
import type { Event } from '../contract.js';
import { PLOVER_EVENTS } from '../taxonomy.js';
import { countryByAlpha3 } from '../gazetteer/index.js';

interface PloverActor {
  actorText?: string;
  code?: string;
}

export interface PloverRecord {
  id: string;
  event: string;
  text?: string;
  date?: string;
  source?: PloverActor[] | string | null;
  target?: PloverActor[] | string | null;
}

/** CAMEO country codes that differ from ISO 3166 alpha-3. */
const CAMEO_ISO: Record<string, string> = { JAP: 'JPN' };

/** The ISO alpha-3 codes among a record's actors (sector codes such as IGO dropped). */
export function countryCodes(actors: PloverRecord['source']): string[] {
  if (!Array.isArray(actors)) return [];
  const out: string[] = [];
  for (const a of actors) {
    const code = a.code ? (CAMEO_ISO[a.code] ?? a.code) : null;
    if (code && countryByAlpha3(code) && !out.includes(code)) out.push(code);
  }
  return out;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** The PLOVER type an event stands for: its kind's, or THREATEN for a threatened act. */
export function ploverOf(e: Event): string | null {
  return e.mode === 'threatened' ? 'THREATEN' : e.plover;
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const prf = (c: Counts) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

function main() {
  const set = devSetArgs('eval-plover', 'PLOVER', 'plover/PLOVER_GSR_CAMEO.json');
  if (!set) return;
  const { file, errors } = set;
  const records = (JSON.parse(readFileSync(file, 'utf8')) as PloverRecord[]).filter((r) => r.event && r.event !== 'DOCUMENT' && r.text);
  const per = new Map<string, Counts>();
  for (const t of PLOVER_EVENTS) per.set(t, { tp: 0, fp: 0, fn: 0 });
  const confusions = new Map<string, number>();
  const misses: string[] = [];
  let correct = 0;
  let strict = 0;
  let noEvent = 0;
  const src = { gold: 0, found: 0, right: 0 };
  const tar = { gold: 0, found: 0, right: 0 };
  let ms = 0;
  for (const r of records) {
    const t0 = performance.now();
    const doc = extract({ source: r.id, id: r.id, text: r.text!, published: r.date ?? null });
    ms += performance.now() - t0;
    const predicted = new Set(doc.events.map(ploverOf).filter((p): p is string => !!p));
    if (doc.events.length === 0) noEvent++;
    if (doc.events.some((e) => e.plover === r.event)) strict++;
    for (const p of predicted) if (p !== r.event) per.get(p)!.fp++;
    const match: Event | undefined = doc.events.find((e) => ploverOf(e) === r.event);
    if (match) {
      correct++;
      per.get(r.event)!.tp++;
      const gs = countryCodes(r.source);
      const gt = countryCodes(r.target);
      if (gs.length) {
        src.gold++;
        if (match.initiator?.country) src.found++;
        if (match.initiator?.country && gs.includes(match.initiator.country)) src.right++;
      }
      if (gt.length) {
        tar.gold++;
        if (match.target?.country) tar.found++;
        if (match.target?.country && gt.includes(match.target.country)) tar.right++;
      }
    } else {
      per.get(r.event)!.fn++;
      const got = predicted.size ? [...predicted].sort().join('+') : doc.events.length ? '(unmapped kind)' : '(no event)';
      const key = `${r.event} → ${got}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
      if (misses.length < errors) misses.push(`${r.id}\t${r.event} → ${doc.events.map((e) => `${e.kind}${e.mode === 'actual' ? '' : `(${e.mode})`}/${ploverOf(e) ?? '-'}`).join(', ') || 'none'}\t| ${r.text}`);
    }
  }
  const n = records.length;
  console.log(`PLOVER ${file}: ${n} records`);
  console.log(`event type accuracy (some extracted event has the record's type): ${correct}/${n} = ${pct(correct / n)}%; records with no event at all: ${noEvent}`);
  console.log(`  strict (kind mapping only, a threatened act not counted as THREATEN): ${strict}/${n} = ${pct(strict / n)}%`);
  console.log('type          gold    tp    fp    fn     P     R    F1');
  let macro = 0;
  let types = 0;
  for (const t of PLOVER_EVENTS) {
    const c = per.get(t)!;
    const gold = c.tp + c.fn;
    if (!gold && !c.fp) continue;
    const s = prf(c);
    if (gold) {
      macro += s.f;
      types++;
    }
    console.log(`${t.padEnd(12)} ${String(gold).padStart(5)} ${String(c.tp).padStart(5)} ${String(c.fp).padStart(5)} ${String(c.fn).padStart(5)} ${pct(s.p)} ${pct(s.r)} ${pct(s.f)}`);
  }
  console.log(`macro F1 over ${types} gold types: ${pct(macro / types)}`);
  const ratio = (x: { gold: number; found: number; right: number }) =>
    `${x.right}/${x.gold} = ${pct(x.gold ? x.right / x.gold : 0)}% (a country given: ${x.found}, right when given: ${pct(x.found ? x.right / x.found : 0)}%)`;
  console.log(`actors of the matched event, records whose gold actor has a country code:`);
  console.log(`  initiator country ∈ source codes: ${ratio(src)}`);
  console.log(`  target country ∈ target codes:    ${ratio(tar)}`);
  console.log('top confusions (gold → predicted types):');
  for (const [k, v] of [...confusions].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${String(v).padStart(3)}  ${k}`);
  console.log(`pipeline: ${(ms / n).toFixed(2)} ms per record`);
  if (errors) {
    console.log('\nmissed records (gold → extracted kind/PLOVER):');
    for (const m of misses) console.log('  ' + m);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
