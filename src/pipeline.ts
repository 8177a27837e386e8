// ingest → normalise → annotate → extract events. One article in, one contract document out.
import type { Doc, Stage } from './doc.js';
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

/** The annotation stages, in order. Each reads the layers of the ones before it. */
export const STAGES: Stage[] = [tokens, dateline, entities, places, dates, quotes, framing, events];

export function annotate(doc: Doc, stages: Stage[] = STAGES): Doc {
  for (const s of stages) s.run(doc);
  return doc;
}

export function extract(input: RawInput, opts: OutputOptions = {}): Document {
  const doc = normalise(input);
  annotate(doc);
  return toDocument(doc, opts);
}
