import { parentPort, workerData } from 'node:worker_threads';
import { extract } from './pipeline.js';
import { errorLine, type BatchItem } from './batch.js';
import { parsePublishedOrThrow } from './published.js';

const { includeText, timeLimit, defaults } = workerData as {
  includeText: boolean;
  timeLimit?: number;
  defaults: { published?: string; outlet?: string; url?: string; title?: string };
};

parentPort!.on('message', (jobs: { k: number; item: BatchItem }[]) => {
  const done = jobs.map(({ k, item }) => {
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
      return { k, out: JSON.stringify(doc) };
    } catch (e) {
      return { k, out: errorLine(item.line, item.id, (e as Error).message) };
    }
  });
  parentPort!.postMessage(done);
});
