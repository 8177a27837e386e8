// ingest → normalise → annotate → extract events. One article in, one contract document out.
import type { Doc, Layer, Stage } from './doc.js';
import { normalise, type RawInput } from './normalise/index.js';
import { toDocument, type OutputOptions } from './output.js';
import type { Document } from './contract.js';
import { tokens } from './stages/tokens/index.js';
import { dateline } from './stages/dateline/index.js';
import { entities } from './stages/entities/index.js';
import { places } from './stages/places/index.js';
import { dates } from './stages/dates/index.js';
import { quotes } from './stages/quotes/index.js';
import { events } from './stages/events/index.js';
import { framing } from './stages/framing/index.js';
import { checkBudget, DEFAULT_TIME_LIMIT_S, setBudget } from './budget.js';

/** The layers normalisation fills before the first stage runs. */
export const NORMALISED: readonly Layer[] = ['text', 'meta', 'warnings'];

/** The annotation stages, in order. Each reads the layers of the ones before it. */
export const STAGES: Stage[] = checkStages([tokens, dateline, entities, places, dates, quotes, framing, events]);

const checked = new WeakSet<readonly Stage[]>([STAGES]);

/** Runs the stages over `doc`. Within the time budget given to it (setBudget), if any: checked
 * after each stage (and between the windows of a long text), so an article over it stops with a
 * TimeLimitError naming its input. */
export function annotate(doc: Doc, stages: Stage[] = STAGES): Doc {
  if (!checked.has(stages)) checked.add(checkStages(stages));
  for (const s of stages) {
    s.run(doc);
    checkBudget(doc, s.name);
  }
  return doc;
}

export interface ExtractOptions extends OutputOptions {
  /** seconds the article may take, normalisation included (default 10; 0: no limit) */
  timeLimit?: number;
}

export function extract(input: RawInput, opts: ExtractOptions = {}): Document {
  const started = performance.now();
  const doc = normalise(input);
  setBudget(doc, input.source, opts.timeLimit ?? DEFAULT_TIME_LIMIT_S, started);
  checkBudget(doc, 'normalise');
  annotate(doc);
  return toDocument(doc, opts);
}

/**
 * Checks an order of stages against their declarations (as spaCy's analyze_pipes does): every
 * layer a stage reads is filled before it runs, a field added to a layer ("entities.place") comes
 * after the layer, and no stage fills a layer that a stage before it has already read. Returns
 * the stages; throws one error listing every problem.
 */
export function checkStages<T extends readonly Stage[]>(stages: T, given: readonly Layer[] = NORMALISED): T {
  const problems: string[] = [];
  const filledBy = new Map<Layer, string>(given.map((l) => [l, 'normalisation']));
  const readBy = new Map<Layer, string>();
  const names = new Set<string>();
  for (const s of stages) {
    if (names.has(s.name)) problems.push(`stage "${s.name}" appears twice`);
    names.add(s.name);
    for (const l of s.reads) {
      if (filledBy.has(l) || s.writes.includes(l)) continue;
      const later = stages.find((x) => x.writes.includes(l));
      problems.push(`stage "${s.name}" reads "${l}", which ${later ? `stage "${later.name}" writes after it` : 'no stage writes'}`);
    }
    for (const l of s.writes) {
      const whole = l.split('.')[0] as Layer;
      if (whole !== l && !filledBy.has(whole) && !s.writes.includes(whole))
        problems.push(`stage "${s.name}" adds "${l}" to "${whole}", which no stage before it writes`);
      const reader = readBy.get(l);
      if (reader) problems.push(`stage "${s.name}" writes "${l}", which stage "${reader}" before it has already read`);
    }
    for (const l of s.reads) if (!readBy.has(l)) readBy.set(l, s.name);
    for (const l of s.writes) filledBy.set(l, s.name);
  }
  if (problems.length) throw new Error(`pipeline out of order:\n  ${problems.join('\n  ')}`);
  return stages;
}

/** The README's stage table, made from the declarations (pipeline.test.ts keeps the two equal). */
export function stageTable(stages: readonly Stage[] = STAGES): string {
  const code = (ls: readonly string[]) => ls.map((l) => `\`${l}\``).join(', ');
  const rows = [
    '| stage | folder | reads | writes | adds |',
    '|---|---|---|---|---|',
    `| normalise | [\`src/normalise/\`](src/normalise) | the input | ${code(NORMALISED)} | ${NORMALISE_ADDS} |`,
    ...stages.map((s) => `| ${s.name} | [\`src/stages/${s.name}/\`](src/stages/${s.name}) | ${code(s.reads)} | ${code(s.writes)} | ${s.adds} |`),
  ];
  return rows.join('\n');
}

const NORMALISE_ADDS = 'text from HTML (Readability over linkedom, plus news-page fixes), metadata, NFC, language';
