// Scores cross-source linking on test/incidents/articles.jsonl: every article is extracted, its
// events linked across articles, and the pairs of articles placed in one incident are compared
// with the gold pairs (articles sharing a gold `incident`).
//
//   node dist/tools/eval-incidents.js [--verbose] [file.jsonl | directory]
//
// A directory is read by the examples/ convention: manifest.jsonl ({file, outlet, published, url,
// title}) with gold incidents in incidents.tsv (file, incident).
//
// Prints pairwise precision, recall and F1 of article co-linking, and the number of incidents.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../pipeline.js';
import { compareEvents, fromDocument, groupIncidents, summarise, type CorroborationEvent } from '../corroborate/index.js';
import { PACKAGE_URL } from '../paths.js';
import { pushAll } from '../arrays.js';

interface Row {
  id: string;
  incident: string;
  text: string;
  outlet: string | null;
  published: string | null;
  url: string | null;
  title: string | null;
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const file = args.find((a) => !a.startsWith('--')) ?? new URL('test/incidents/articles.jsonl', PACKAGE_URL).pathname;
const lines = (f: string) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
function readDirectory(dir: string): Row[] {
  const gold = new Map(lines(join(dir, 'incidents.tsv')).map((l) => l.split('\t') as [string, string]));
  return lines(join(dir, 'manifest.jsonl')).map((l) => {
    const m = JSON.parse(l);
    return { ...m, id: m.file, incident: gold.get(m.file) ?? `?${m.file}`, text: readFileSync(join(dir, m.file), 'utf8') };
  });
}
const rows: Row[] = statSync(file).isDirectory() ? readDirectory(file) : lines(file).map((l) => JSON.parse(l));

const t0 = performance.now();
const events: CorroborationEvent[] = [];
const failed: string[] = [];
for (const r of rows) {
  try {
    const doc = extract({ source: r.id, id: r.id, text: r.text, outlet: r.outlet, published: r.published, url: r.url, title: r.title }, { includeText: true });
    pushAll(events, fromDocument(doc, { articleId: r.id }));
  } catch (e) {
    failed.push(`${r.id}: ${(e as Error).message.split('\n')[0]}`);
  }
}
const t1 = performance.now();
const incidents = groupIncidents(events);
const t2 = performance.now();

const key = (a: string, b: string) => (a < b ? `${a}\t${b}` : `${b}\t${a}`);
const predicted = new Set<string>();
for (const inc of incidents) {
  const arts = [...new Set(inc.events.map((e) => e.articleId))].sort();
  for (let i = 0; i < arts.length; i++) for (let j = i + 1; j < arts.length; j++) predicted.add(key(arts[i], arts[j]));
}
const gold = new Set<string>();
for (let i = 0; i < rows.length; i++)
  for (let j = i + 1; j < rows.length; j++) if (rows[i].incident === rows[j].incident) gold.add(key(rows[i].id, rows[j].id));

const tp = [...predicted].filter((p) => gold.has(p)).length;
const precision = predicted.size ? tp / predicted.size : 0;
const recall = gold.size ? tp / gold.size : 0;
const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
const goldIncidents = new Set(rows.map((r) => r.incident));
const goldMulti = [...goldIncidents].filter((g) => rows.filter((r) => r.incident === g).length > 1).length;
const multi = incidents.filter((i) => new Set(i.events.map((e) => e.articleId)).size > 1);

const pct = (x: number) => (100 * x).toFixed(1);
console.log(`articles: ${rows.length} (${failed.length} failed to extract), events: ${events.length}`);
console.log(`article pairs: gold ${gold.size}, predicted ${predicted.size}, correct ${tp}`);
console.log(`pairwise precision ${pct(precision)}  recall ${pct(recall)}  F1 ${pct(f1)}`);
console.log(`incidents: ${incidents.length} (${multi.length} reported by 2+ articles); gold: ${goldIncidents.size} (${goldMulti} reported by 2+ articles)`);
console.log(`time: extract ${(t1 - t0).toFixed(0)} ms, link ${(t2 - t1).toFixed(1)} ms`);
const grades = new Map<string, number>();
for (const inc of multi) {
  const g = summarise(inc.events).corroboration.grade;
  grades.set(g, (grades.get(g) ?? 0) + 1);
}
console.log(`grades of multi-article incidents: ${[...grades].map(([g, n]) => `${g} ${n}`).join(', ') || '(none)'}`);
for (const f of failed) console.log(`  failed ${f}`);

if (verbose) {
  const goldOf = new Map(rows.map((r) => [r.id, r.incident]));
  const byArticle = new Map<string, CorroborationEvent[]>();
  for (const e of events) byArticle.set(e.articleId, [...(byArticle.get(e.articleId) ?? []), e]);
  const why = (a: string, b: string) => {
    // The closest event pair between two articles: linked, else the one scoring highest.
    let best = { same: false, text: 'no events of a linkable kind', score: -1 };
    for (const x of byArticle.get(a) ?? [])
      for (const y of byArticle.get(b) ?? []) {
        const c = compareEvents(x, y);
        const s = c.same ? 99 : c.conflict ? -0.5 : c.score;
        if (s > best.score) best = { same: c.same, score: s, text: `${x.kind}~${y.kind}: ${c.conflict ?? (c.same ? 'same' : 'too little evidence')} [${c.agreed.join(', ')}]` };
      }
    return best.text;
  };
  console.log('\nfalse links (predicted, not gold):');
  for (const p of [...predicted].filter((p) => !gold.has(p)).sort()) {
    const [a, b] = p.split('\t');
    console.log(`  ${a} (${goldOf.get(a)}) ~ ${b} (${goldOf.get(b)}): ${why(a, b)}`);
  }
  console.log('\nmissed links (gold, not predicted):');
  for (const p of [...gold].filter((p) => !predicted.has(p)).sort()) {
    const [a, b] = p.split('\t');
    console.log(`  ${a} ~ ${b}: ${why(a, b)}`);
  }
  console.log('\nincidents with 2+ articles:');
  for (const inc of multi) {
    const s = summarise(inc.events);
    console.log(`  ${inc.id} ${s.kind.consensus} ${s.location.consensus?.name ?? '?'} ${s.date.consensus?.start ?? '?'} — ${s.articles.join(', ')} — ${s.corroboration.grade}: ${s.corroboration.reason}`);
  }
}
