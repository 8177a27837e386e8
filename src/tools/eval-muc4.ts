// Scores event detection on MUC-4 (1992 terrorism templates, as redistributed with GTT, MIT):
//   node dist/tools/eval-muc4.js [--split dev|train] [--case lower|sentence|upper] [--errors N]
// Reads ../shared/data/muc4/<split>.json beside the repository (JSONL: docid, doctext, templates).
// Each document runs through the whole pipeline. Scored, per MUC-4 incident type:
//   documents: the set of incident types of a document's templates against the set of types of
//     its extracted events (each sitrep kind mapped to a MUC-4 type below): P/R/F1;
//   templates: a template counts found when the document has an event of a mapped kind (recall);
//   PerpOrg: a perpetrator organisation counts found when one of its mentions is contained in (or
//     contains) the name of an extracted event's initiator or of the entity that initiator names.
// Not the MUC-4 metric (full template filling, slot by slot): published test F1 with that metric
// is GTT 50.2, SRI FASTUS 48.9. This redistribution is all lower case (the 1992 wire text was all
// upper case); `--case` runs a copy in sentence case (first letter of each sentence upper) or in
// upper case, to show what casing costs the part-of-speech tagger and the name finder.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { normalise } from '../normalise/index.js';
import { annotate } from '../pipeline.js';
import { toDocument } from '../output.js';
import type { Document } from '../contract.js';
import { triggers } from '../stages/events/triggers.js';
import { pushAll } from '../arrays.js';

/** MUC-4 incident types and the sitrep kinds that report them. */
export const MUC_KINDS: Record<string, string[]> = {
  attack: ['armed_clash', 'attack_on_civilians', 'air_strike', 'drone_strike', 'shelling', 'missile_attack', 'chemical_attack', 'mob_violence', 'excessive_force_against_protesters', 'sexual_violence'],
  bombing: ['ied_explosion', 'suicide_bombing', 'grenade_attack'],
  kidnapping: ['abduction'],
  arson: ['looting', 'violent_demonstration', 'mob_violence'],
  robbery: ['looting'],
  // An armed group's order to stop work: no sitrep kind reports it (a protest is not one).
  'forced work stoppage': [],
};
const TYPES = Object.keys(MUC_KINDS);

/**
 * A kind listed under two MUC-4 types names one of them, not both: sitrep's looting (ACLED's looting
 * or property destruction) is MUC-4's arson when what was done to the property was burning it, its
 * robbery when it was taken; mob violence is arson when the crowd burned property, an attack when it
 * hurt people. The event's own sentences say which (none: demolition is neither).
 */
const BURNED = /\b(fire|fires|burn\w*|torch\w*|arson\w*|ablaze|incendiar\w*)\b/i;
const TYPE_CUES: Record<string, Record<string, RegExp>> = {
  looting: {
    arson: BURNED,
    robbery: /\b(loot\w*|plunder\w*|pillag\w*|robb?\w*|stole|stolen|steal\w*|ransack\w*|confiscat\w*|theft|thie\w*)\b/i,
  },
  // A crowd's violence is arson when it burned property, an attack when it hurt people.
  mob_violence: {
    arson: BURNED,
    attack: /\b(kill\w*|dead|death\w*|beat\w*|stab\w*|lynch\w*|injur\w*|wound\w*|hurt|attack\w*|assault\w*|stone[sd]?|shot|shoot\w*|clash\w*)\b/i,
  },
};

// A template is an incident accomplished, attempted or threatened (MUC-4's stage of execution); an
// event sitrep reads as future, hypothetical or negated ("will be bombed", "a plot to kill", "denied
// attacking") is none.
const OCCURRED = new Set(['actual', 'threatened']);

/** The MUC-4 types an extracted event reports. */
export function mucTypes(e: { kind: string; evidence: { text: string }[] }): string[] {
  const cues = TYPE_CUES[e.kind];
  return TYPES.filter((t) => MUC_KINDS[t].includes(e.kind) && (!cues?.[t] || e.evidence.some((x) => cues[t].test(x.text))));
}

/**
 * For each MUC-4 type a document's events report, the events that report it (occurred ones only: see
 * OCCURRED), so that an extra type in the error listing shows what produced it.
 */
export function typeSources<E extends { kind: string; mode: string; evidence: { text: string }[] }>(events: E[]): Map<string, E[]> {
  const out = new Map<string, E[]>();
  for (const e of events) if (OCCURRED.has(e.mode)) for (const t of mucTypes(e)) out.set(t, [...(out.get(t) ?? []), e]);
  return out;
}

export type Casing = 'lower' | 'sentence' | 'upper';

/** The text in another casing, same length (so gold offsets stay valid). */
export function recase(text: string, casing: Casing): string {
  if (casing === 'upper') return text.toUpperCase();
  if (casing === 'lower') return text;
  return text.toLowerCase().replace(/(^\s*|[.?!]["')]?\s+)([a-z])/g, (_, pre: string, c: string) => pre + c.toUpperCase());
}

interface Template {
  incident_type: string;
  PerpOrg: [string, number][][];
}

interface MucDoc {
  docid: string;
  doctext: string;
  templates: Template[];
}

/** Incident types of a template: "bombing / attack" is both. */
const typesOf = (t: Template) => t.incident_type.split('/').map((x) => x.trim()).filter((x) => TYPES.includes(x));

/** Names an event's initiator goes by: its own and its entity's name and mentions. */
function initiatorNames(doc: Document, kinds: Set<string>): string[] {
  const out: string[] = [];
  for (const e of doc.events) {
    if (!kinds.has(e.kind) || !e.initiator) continue;
    out.push(e.initiator.name.toLowerCase());
    const ent = e.initiator.entity ? doc.entities.find((x) => x.id === e.initiator!.entity) : undefined;
    if (ent) pushAll(out, [ent.name.toLowerCase(), ...ent.mentions.map((m) => m.text.toLowerCase())]);
  }
  return out;
}

const ALL_KINDS = new Set(Object.values(MUC_KINDS).flat());

interface Result {
  casing: Casing;
  per: Map<string, { tp: number; fp: number; fn: number; templates: number; found: number; triggered: number }>;
  perp: { gold: number; found: number };
  pos: Map<string, number>;
  tokens: number;
  events: number;
  errors: string[];
}

function run(docs: MucDoc[], casing: Casing, errors: number): Result {
  const per = new Map(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0, templates: 0, found: 0, triggered: 0 }]));
  const perp = { gold: 0, found: 0 };
  const pos = new Map<string, number>();
  let tokens = 0;
  let events = 0;
  const errs: string[] = [];
  for (const d of docs) {
    const text = recase(d.doctext, casing);
    const ann = annotate(normalise({ source: d.docid, id: d.docid, text }));
    for (const t of ann.tokens) pos.set(t.pos, (pos.get(t.pos) ?? 0) + 1);
    tokens += ann.tokens.length;
    const doc = toDocument(ann);
    events += doc.events.length;
    const sources = typeSources(doc.events);
    const predicted = new Set(sources.keys());
    // What the trigger lexicon alone finds, before the events stage keeps or drops a match.
    const fired = new Set<string>();
    for (const s of ann.sentences)
      for (const m of triggers().matchBest(ann.tokens, s.first, s.last)) for (const t of TYPES) if (MUC_KINDS[t].includes(m.pattern.value.kind)) fired.add(t);
    const gold = new Set(d.templates.flatMap(typesOf));
    for (const t of TYPES) {
      const c = per.get(t)!;
      if (gold.has(t) && predicted.has(t)) c.tp++;
      else if (gold.has(t)) c.fn++;
      else if (predicted.has(t)) c.fp++;
    }
    for (const tpl of d.templates)
      for (const t of typesOf(tpl)) {
        per.get(t)!.templates++;
        if (predicted.has(t)) per.get(t)!.found++;
        if (fired.has(t)) per.get(t)!.triggered++;
      }
    const names = initiatorNames(doc, ALL_KINDS);
    const seen = new Set<string>();
    for (const tpl of d.templates)
      for (const ent of tpl.PerpOrg) {
        const key = ent[0][0];
        if (seen.has(key)) continue;
        seen.add(key);
        perp.gold++;
        const hit = ent.some(([m]) => names.some((n) => n.length >= 3 && (n.includes(m.toLowerCase()) || m.toLowerCase().includes(n))));
        if (hit) perp.found++;
      }
    const missed = [...gold].filter((t) => !predicted.has(t));
    const extra = [...predicted].filter((t) => !gold.has(t));
    if ((missed.length || extra.length) && errs.length < errors) {
      errs.push(
        `${d.docid}\tgold: ${[...gold].join(', ') || 'none'}\tmissed: ${missed.join(', ') || '-'}\textra: ${extra.join(', ') || '-'}\tevents: ${doc.events.map((e) => `${e.kind}[${e.evidence[0]?.text.slice(0, 80) ?? ""}]`).join(' | ')}`,
      );
      // what made each extra type: the false positives to classify by cause
      for (const t of extra) for (const e of sources.get(t)!) errs.push(`    extra ${t} <- ${e.kind} (${e.mode}${e.historical ? ', historical' : ''}): ${e.evidence.map((x) => x.text).join(' / ').slice(0, 300)}`);
    }
  }
  return { casing, per, perp, pos, tokens, events, errors: errs };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

function report(r: Result, docs: number, detail: boolean) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tpl = 0;
  let found = 0;
  let triggered = 0;
  if (detail) console.log('type                  docs    tp    fp    fn     P     R    F1 | templates found  R    | a trigger fired  R');
  for (const t of TYPES) {
    const c = r.per.get(t)!;
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
    tpl += c.templates;
    found += c.found;
    triggered += c.triggered;
    const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
    const rr = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
    const f = p + rr ? (2 * p * rr) / (p + rr) : 0;
    if (detail)
      console.log(
        `${t.padEnd(21)} ${String(c.tp + c.fn).padStart(4)} ${String(c.tp).padStart(5)} ${String(c.fp).padStart(5)} ${String(c.fn).padStart(5)} ${pct(p)} ${pct(rr)} ${pct(f)} | ${String(c.templates).padStart(9)} ${String(c.found).padStart(5)} ${pct(c.templates ? c.found / c.templates : 0)} | ${String(c.triggered).padStart(15)} ${pct(c.templates ? c.triggered / c.templates : 0)}`,
      );
  }
  const p = tp + fp ? tp / (tp + fp) : 0;
  const rr = tp + fn ? tp / (tp + fn) : 0;
  const f = p + rr ? (2 * p * rr) / (p + rr) : 0;
  const share = (tag: string) => pct((r.pos.get(tag) ?? 0) / r.tokens);
  console.log(
    `${r.casing.padEnd(8)} micro P ${pct(p)} R ${pct(rr)} F1 ${pct(f)} | templates found ${found}/${tpl} = ${pct(tpl ? found / tpl : 0)}% (trigger fired ${pct(tpl ? triggered / tpl : 0)}%) | PerpOrg recall ${r.perp.found}/${r.perp.gold} = ${pct(r.perp.gold ? r.perp.found / r.perp.gold : 0)}% | events/doc ${(r.events / docs).toFixed(1)} | POS share PROPN ${share('PROPN')}% VERB ${share('VERB')}% NOUN ${share('NOUN')}%`,
  );
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const split = opt('--split') ?? 'dev';
  const casing = (opt('--case') ?? 'sentence') as Casing;
  const errors = Number(opt('--errors') ?? 0);
  if (!['dev', 'train'].includes(split) || !['lower', 'sentence', 'upper'].includes(casing)) {
    console.error('usage: eval-muc4 [--split dev|train] [--case lower|sentence|upper] [--errors N]');
    process.exit(2);
  }
  const file = fileURLToPath(new URL(`../../../shared/data/muc4/${split}.json`, import.meta.url));
  if (!existsSync(file)) {
    console.log(`eval-muc4: ${file} not found (MUC-4 lives in ../shared/data/muc4 beside the repository); nothing to score.`);
    return;
  }
  const docs = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as MucDoc);
  console.log(`MUC-4 ${split}: ${docs.length} documents, ${docs.filter((d) => d.templates.length).length} with templates`);
  console.log(`document-level incident types by case "${casing}" (the headline; see the casing lines below):`);
  const main = run(docs, casing, errors);
  report(main, docs.length, true);
  console.log('the same, by casing of the input text:');
  for (const c of ['lower', 'sentence', 'upper'] as Casing[]) report(c === casing ? main : run(docs, c, 0), docs.length, false);
  console.log('published MUC-4 test F1 (full template filling, another metric): GTT 50.2, SRI FASTUS 48.9');
  if (errors) {
    console.log('\ndocuments with a missed or extra incident type:');
    for (const e of main.errors) console.log('  ' + e);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
