// `sitrep eval GOLD…`: runs extract on every gold article and prints precision, recall and F1
// per field. Gold files are JSONL (see test/gold/README.md); folders are searched for *.jsonl.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { extract } from '../pipeline.js';
import { addScores, scoreDocument, type EventScoringContext, type GoldDoc, type Scores } from './score.js';
import type { Document } from '../contract.js';
import { acledFor, familyOf } from '../taxonomy.js';
import { pushAll } from '../arrays.js';

export function goldFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new InputError(p, 'no such file or folder');
    }
    if (st.isDirectory()) {
      for (const f of readdirSync(p).sort()) {
        const full = join(p, f);
        if (statSync(full).isDirectory()) pushAll(out, goldFiles([full]));
        else if (f.endsWith('.jsonl')) out.push(full);
      }
    } else out.push(p);
  }
  return out;
}

export function readGold(file: string): GoldDoc[] {
  const docs: GoldDoc[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let o: GoldDoc;
      try {
        o = JSON.parse(line);
      } catch (e) {
        throw new InputError(`${file}:${i + 1}`, `not valid JSON (${(e as Error).message})`);
      }
      if (typeof o.text !== 'string' || !o.text) throw new InputError(`${file}:${i + 1}`, 'gold article has no "text"');
      if (!o.id) o.id = `${file}:${i + 1}`;
      docs.push(o);
    });
  return docs;
}

export const eventContext: EventScoringContext = {
  familyOf: (k) => familyOf(k),
  acledOf: (k) => acledFor(k)?.sub_event_type ?? null,
};

export interface EvalResult {
  documents: number;
  scores: Scores;
  perDoc: { id: string; scores: Scores; doc: Document; gold: GoldDoc }[];
}

export function evaluate(paths: string[]): EvalResult {
  const scores: Scores = {};
  const perDoc: EvalResult['perDoc'] = [];
  for (const file of goldFiles(paths)) {
    for (const gold of readGold(file)) {
      const doc = extract({
        source: gold.id,
        text: gold.text,
        id: gold.id,
        published: gold.published ?? null,
        outlet: gold.outlet ?? null,
        url: gold.url ?? null,
        title: gold.title ?? null,
      });
      const s = scoreDocument(gold, doc, eventContext);
      addScores(scores, s);
      perDoc.push({ id: gold.id, scores: s, doc, gold });
    }
  }
  return { documents: perDoc.length, scores, perDoc };
}

const ORDER = ['entities', 'places', 'quotes', 'events'];

export function formatTable(r: EvalResult): string {
  const keys = Object.keys(r.scores).sort((a, b) => {
    const fa = ORDER.indexOf(a.split('.')[0]);
    const fb = ORDER.indexOf(b.split('.')[0]);
    const depth = (k: string) => k.split('.').length;
    return fa - fb || depth(a) - depth(b) || a.localeCompare(b);
  });
  const lines = [
    `${r.documents} documents`,
    'events.X: end to end (a missed or invented event counts against every field);',
    'events.matched.X: the same field on the events that were matched to a gold event',
    `${'field'.padEnd(26)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   tp/fp/fn`,
  ];
  for (const k of keys) {
    const t = r.scores[k];
    lines.push(
      `${k.padEnd(26)} ${t.precision.toFixed(3).padStart(6)} ${t.recall.toFixed(3).padStart(6)} ${t.f1.toFixed(3).padStart(6)}   ${t.tp}/${t.fp}/${t.fn}`,
    );
  }
  return lines.join('\n') + '\n';
}

export function toJson(r: EvalResult): object {
  return {
    documents: r.documents,
    scores: Object.fromEntries(
      Object.entries(r.scores).map(([k, t]) => [k, { precision: t.precision, recall: t.recall, f1: t.f1, tp: t.tp, fp: t.fp, fn: t.fn }]),
    ),
  };
}
