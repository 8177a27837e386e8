// One ingest item through the pipeline: normalise, fill what the page did not say from the
// fallbacks (folder sidecar, crawl date, feed title), refuse what is not English, annotate.
// Runs in the worker threads; kept apart from the thread plumbing so tests can call it directly.
import { InputError } from '../errors.js';
import { normalise } from '../normalise/index.js';
import { annotate } from '../pipeline.js';
import { checkBudget, DEFAULT_TIME_LIMIT_S, setBudget } from '../budget.js';
import { toDocument } from '../output.js';
import { prepareArticle, type PreparedArticle } from '../store/prepare.js';
import type { Item } from './sources.js';

/** The document already prepared for the store: the writer thread then only writes. */
export type Extracted = { ok: true; prepared: PreparedArticle } | { ok: false; reason: string };

/** Languages the detector may fail to name on short texts: not a reason to refuse. */
const UNSURE = new Set(['en', 'und']);

export function extractItem(item: Item): Extracted {
  const started = performance.now();
  try {
    const bytes = item.bytes ? Buffer.from(item.bytes.buffer, item.bytes.byteOffset, item.bytes.byteLength) : undefined;
    const doc = normalise({
      source: item.source,
      bytes,
      text: item.text,
      isHtml: item.isHtml,
      id: item.id,
      url: item.url,
      title: item.title,
      outlet: item.outlet,
      published: item.published,
      license: item.license,
    });
    setBudget(doc, item.source, item.timeLimit ?? DEFAULT_TIME_LIMIT_S, started);
    checkBudget(doc, 'normalise');
    if (!UNSURE.has(doc.meta.language)) return { ok: false, reason: `not English (${doc.meta.language})` };
    // Before annotation, so that relative dates resolve against a fallback publication date.
    const m = doc.meta;
    if (!m.published && item.fallback.published) m.published = item.fallback.published;
    if (!m.outlet && item.fallback.outlet) m.outlet = item.fallback.outlet;
    if (!m.license && item.fallback.license) m.license = item.fallback.license;
    annotate(doc);
    return { ok: true, prepared: prepareArticle(toDocument(doc, { includeText: true })) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, reason: e.problem };
    return { ok: false, reason: `extraction failed: ${(e as Error).message}` };
  }
}
