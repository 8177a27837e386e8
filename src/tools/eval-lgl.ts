// Geoparsing evaluation on LGL (Lieberman et al. 2010: 588 local US news articles, 5,088 toponyms
// with GeoNames ids and coordinates), read from ../shared/data/geoparsing-lgl/lgl.xml.
//
//   node dist/tools/eval-lgl.js [--limit N] [--errors] [--misses]
//
// --misses lists each gold toponym the pipeline did not find, why, and the name it fell inside.
//
// (a) resolution given the gold toponym spans (how Mordecai's 82.7% is measured): every gold span
//     becomes a toponym mention, the places stage resolves them (metonyms included); accuracy
//     within 161 km (100 miles), mean and median error in km.
// (b) end to end: the pipeline's own toponyms (entities GPE/LOC/FAC) against the gold spans:
//     precision/recall of exact spans, and accuracy within 161 km of the matched ones.
// Published: Edinburgh Geoparser 0.760 acc@161km, CLAVIN 0.706 (end to end); Mordecai 3.5 82.7%
// (gold names). LGL is local US news: a test of generality, never a target for rules.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Doc, type EntityAnn, type Mention } from '../doc.js';
import { tokens } from '../stages/tokens/index.js';
import { STAGES, annotate } from '../pipeline.js';
import { runPlaces } from '../stages/places/index.js';
import { countryByDemonym, distanceKm, key, loadStats } from '../gazetteer/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LGL = join(ROOT, '..', 'shared', 'data', 'geoparsing-lgl', 'lgl.xml');

interface Gold {
  start: number;
  end: number;
  phrase: string;
  lat: number | null;
  lon: number | null;
  fcode: string | null;
}
interface Article {
  id: string;
  text: string;
  gold: Gold[];
}

function parse(xml: string): Article[] {
  const out: Article[] = [];
  for (const a of xml.matchAll(/<article docid="([^"]+)">([\s\S]*?)<\/article>/g)) {
    const text = /<text><!\[CDATA\[([\s\S]*?)\]\]><\/text>/.exec(a[2])?.[1] ?? '';
    const gold: Gold[] = [];
    for (const t of a[2].matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
      const f = (tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(t[1])?.[1] ?? null;
      const lat = f('lat');
      const lon = f('lon');
      gold.push({
        start: Number(f('start')),
        end: Number(f('end')),
        phrase: f('phrase') ?? '',
        lat: lat === null ? null : Number(lat),
        lon: lon === null ? null : Number(lon),
        fcode: f('fcode'),
      });
    }
    out.push({ id: a[1], text, gold });
  }
  return out;
}

const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (x: number) => (100 * x).toFixed(1) + '%';

function mentionFor(doc: Doc, start: number, end: number): Mention {
  const first = doc.tokenAt(start);
  let last = first + 1;
  while (last < doc.tokens.length && doc.tokens[last].start < end) last++;
  return { start, end, first, last, sent: doc.tokens[first]?.sent ?? 0 };
}

/** Coordinates the places stage gave the mention starting at `start`, if any. */
function placeAt(doc: Doc, start: number, end: number) {
  for (const p of doc.places) for (const m of p.mentions) if (m.start <= start && m.end >= end) return p;
  return undefined;
}

function main() {
  if (!existsSync(LGL)) {
    console.log(`eval-lgl: ${LGL} is not here (it lives in ../shared beside the repository); nothing to evaluate.`);
    return;
  }
  const args = process.argv.slice(2);
  const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Infinity;
  const showErrors = args.includes('--errors');
  const showMisses = args.includes('--misses');
  const articles = parse(readFileSync(LGL, 'utf8')).slice(0, limit);
  const t0 = performance.now();
  loadStats();
  const loadMs = performance.now() - t0;

  // (a) gold toponyms
  const errs: number[] = [];
  let withCoords = 0;
  let unresolved = 0;
  let placesMs = 0;
  let chars = 0;
  const bad: string[] = [];
  const docs: Doc[] = [];
  for (const a of articles) {
    const doc = new Doc(a.text);
    tokens.run(doc);
    const byName = new Map<string, EntityAnn>();
    for (const g of a.gold) {
      const k = key(g.phrase);
      let e = byName.get(k);
      if (!e) {
        e = { id: `e${byName.size + 1}`, name: g.phrase, type: 'GPE', country: null, role: null, mentions: [], place: null };
        byName.set(k, e);
        doc.entities.push(e);
      }
      e.mentions.push(mentionFor(doc, g.start, g.end));
    }
    const t = performance.now();
    runPlaces(doc, { allUses: true });
    placesMs += performance.now() - t;
    chars += a.text.length;
    docs.push(doc);
    for (const g of a.gold) {
      if (g.lat === null || g.lon === null) continue;
      withCoords++;
      const p = placeAt(doc, g.start, g.end);
      if (!p || p.lat === null || p.lon === null) {
        unresolved++;
        if (showErrors) bad.push(`  unresolved  ${g.phrase} (${g.fcode})`);
        continue;
      }
      const d = distanceKm(g.lat, g.lon, p.lat, p.lon);
      errs.push(d);
      if (showErrors && d >= 161) bad.push(`  ${d.toFixed(0).padStart(6)} km  ${g.phrase} (${g.fcode}) → ${p.name}, ${p.admin1 ?? ''} ${p.country ?? ''}`);
    }
  }
  const ok = errs.filter((d) => d < 161).length;
  console.log(`LGL: ${articles.length} articles, ${articles.reduce((n, a) => n + a.gold.length, 0)} gold toponyms, ${withCoords} with coordinates`);
  console.log(`gazetteer load ${loadMs.toFixed(0)} ms`);
  console.log('\n(a) resolution given gold toponym spans');
  console.log(`  acc@161km ${pct(ok / withCoords)} (${ok}/${withCoords}; unresolved counted wrong: ${unresolved})`);
  console.log(`  of those resolved: acc@161km ${pct(ok / errs.length)}, mean error ${(errs.reduce((s, x) => s + x, 0) / errs.length).toFixed(0)} km, median ${median(errs).toFixed(1)} km`);
  // again, now that each name's candidates are cached as they would be after the entities stage
  let warmMs = Infinity;
  for (let pass = 0; pass < 5; pass++) {
    const t = performance.now();
    for (const doc of docs) runPlaces(doc, { allUses: true });
    warmMs = Math.min(warmMs, performance.now() - t);
  }
  const per4k = (ms: number) => `${((ms / chars) * 4096).toFixed(3)} ms per 4 KB (${(ms / articles.length).toFixed(3)} ms per article)`;
  console.log(`  places stage: first pass ${per4k(placesMs)}; warm ${per4k(warmMs)}; articles average ${(chars / articles.length / 1024).toFixed(1)} KB`);
  if (showErrors) console.log(bad.join('\n'));

  // (b) end to end
  const upTo = STAGES.slice(0, STAGES.findIndex((s) => s.name === 'places') + 1);
  let tp = 0;
  let predicted = 0;
  let goldN = 0;
  const e2eErr: number[] = [];
  let matchedWithCoords = 0;
  let locPred = 0;
  let locTp = 0;
  let failed = 0;
  let adjPredicted = 0;
  let adjTp = 0;
  let firstError = '';
  // Why gold toponyms were not found as toponyms: LGL also tags demonyms ("Sudanese", scored apart
  // below) and places inside names; sitrep gives a place inside an organisation's or facility's
  // name a mention of its own only when it can tell it is one ("Alexandria Police", not "Meridian Press").
  const missed = new Map<string, number>();
  for (const a of articles) {
    let doc: Doc;
    try {
      doc = annotate(new Doc(a.text), upTo);
      runPlaces(doc, { allUses: true });
    } catch (err) {
      // another stage still being written must not hide the resolution figures above
      failed++;
      firstError ||= String((err as Error).stack ?? err).split('\n').slice(0, 2).join(' ');
      continue;
    }
    const pred = new Map<string, EntityAnn>();
    const uses = new Map<string, string | undefined>();
    for (const e of doc.entities) {
      if (e.type !== 'GPE' && e.type !== 'LOC' && e.type !== 'FAC') continue;
      for (const m of e.mentions) {
        pred.set(`${m.start}:${m.end}`, e);
        uses.set(`${m.start}:${m.end}`, m.use);
      }
    }
    // LGL tags a state's demonym as a toponym ("Russian troops", "Sudanese refugees") but not other
    // groups ("Republican", "Jewish", "Tamil"); sitrep keeps them NORP entities with their state, never
    // places (the output contract's places are locations), and they are scored apart
    const adjectival = new Set<string>();
    for (const e of doc.entities) {
      if (e.type !== 'NORP' || !e.country) continue;
      for (const m of e.mentions) if (countryByDemonym(a.text.slice(m.start, m.end))) adjectival.add(`${m.start}:${m.end}`);
    }
    adjPredicted += adjectival.size;
    for (const g of a.gold) if (adjectival.has(`${g.start}:${g.end}`)) adjTp++;
    predicted += pred.size;
    goldN += a.gold.length;
    for (const u of uses.values()) if (u === 'location') locPred++;
    const spans = doc.entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, type: e.type })));
    for (const g of a.gold) {
      const k = `${g.start}:${g.end}`;
      if (!pred.has(k)) {
        const same = spans.find((x) => x.start === g.start && x.end === g.end);
        const over = spans.find((x) => x.start < g.end && g.start < x.end);
        const why = same ? `typed ${same.type}` : over ? (over.type === 'GPE' || over.type === 'LOC' || over.type === 'FAC' ? 'inside a longer toponym' : `inside a name typed ${over.type}`) : 'not found';
        missed.set(why, (missed.get(why) ?? 0) + 1);
        if (showMisses) {
          const around = over ? a.text.slice(over.start, over.end) : a.text.slice(Math.max(0, g.start - 30), g.end + 30).replace(/\s+/g, ' ');
          console.log(`  missed\t${why}\t${g.phrase}\t${around}`);
        }
        continue;
      }
      tp++;
      if (uses.get(k) === 'location') locTp++;
      if (g.lat === null || g.lon === null) continue;
      matchedWithCoords++;
      const p = placeAt(doc, g.start, g.end);
      if (p && p.lat !== null && p.lon !== null) e2eErr.push(distanceKm(g.lat, g.lon, p.lat, p.lon));
    }
  }
  const e2eOk = e2eErr.filter((d) => d < 161).length;
  const P = tp / predicted;
  const R = tp / goldN;
  console.log('\n(b) end to end (toponym recognition by the entities stage, then resolution)');
  if (failed) console.log(`  ${failed} of ${articles.length} articles failed in the pipeline and are left out; first error: ${firstError}`);
  console.log(`  toponym spans (exact): precision ${pct(P)}, recall ${pct(R)}, F1 ${pct((2 * P * R) / (P + R || 1))} (${tp} of ${predicted} predicted, ${goldN} gold)`);
  const aP = (tp + adjTp) / (predicted + adjPredicted);
  const aR = (tp + adjTp) / goldN;
  console.log(`  with states' demonyms (NORP entities) counted as toponyms: precision ${pct(aP)}, recall ${pct(aR)}, F1 ${pct((2 * aP * aR) / (aP + aR || 1))} (${adjTp} of ${adjPredicted} demonyms)`);
  console.log(`  gold toponyms missed (${goldN - tp}): ${[...missed].sort((x, y) => y[1] - x[1]).map(([w, n]) => `${w} ${n}`).join(', ')}`);
  console.log(`  location-use mentions only: precision ${pct(locTp / locPred)}, recall ${pct(locTp / goldN)} (LGL also tags metonyms)`);
  console.log(`  acc@161km of matched toponyms: ${pct(e2eOk / matchedWithCoords)} (${e2eOk}/${matchedWithCoords}); mean error ${(e2eErr.reduce((s, x) => s + x, 0) / e2eErr.length).toFixed(0)} km, median ${median(e2eErr).toFixed(1)} km`);
  console.log('\nPublished: Edinburgh Geoparser 0.760 acc@161km, CLAVIN 0.706 (end to end); Mordecai 3.5 82.7% (gold names).');
}

main();
