// A worker thread of batch mode (./batch.ts): raw input lines in, output lines out (a document, or
// the error object naming the line). Lines are parsed here, not on the main thread, which only
// reads, hands out and prints: on a machine of two cores it shares one with a worker.
import { parentPort, workerData } from 'node:worker_threads';
import { extract } from './pipeline.js';
import { errorLine, parseLine, type BatchDefaults, type BatchJob } from './batch.js';
import { parsePublishedOrThrow } from './published.js';

const { includeText, timeLimit, defaults } = workerData as { includeText: boolean; timeLimit?: number; defaults: BatchDefaults };

function run({ line, text }: BatchJob): string {
  const item = parseLine(text, line);
  if ('error' in item) return errorLine(item.line, item.id, item.error);
  try {
    const published = parsePublishedOrThrow(item.published ?? defaults.published, `line ${item.line}: "published"`);
    const doc = extract(
      {
        source: `line ${item.line}`,
        text: item.html ?? item.text,
        isHtml: item.html !== undefined,
        id: item.id !== undefined ? String(item.id) : `line-${item.line}`,
        url: item.url ?? defaults.url,
        title: item.title ?? defaults.title,
        outlet: item.outlet ?? defaults.outlet,
        published,
      },
      { includeText, timeLimit },
    );
    return JSON.stringify(doc);
  } catch (e) {
    return errorLine(item.line, item.id, (e as Error).message);
  }
}

// Load the model, lexicons and gazetteer before saying ready: the time limit of the first line
// starts then, so a slow start on a busy machine is not charged to it.
try {
  extract({ source: 'warm-up', text: 'Warm-up.' });
} catch {
  // the first real line reports whatever fails here
}

parentPort!.on('message', ({ k, item }: { k: number; item: BatchJob }) => {
  parentPort!.postMessage({ k, result: { ok: true, out: run(item) } });
});
parentPort!.postMessage({ ready: true });
