// A worker in this process (extraction inline) on a queue fed with files and URLs: a feed URL is
// fetched and its items become jobs; a URL that cannot be read is tried 3 times and then kept in
// the dead-letter table, shown by stats; an input that is not an article is rejected, not retried.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgStore } from '../store/postgres/store.js';
import { pgDescribe, tempSchema } from '../store/postgres/testing.js';
import { enqueueInputs } from './enqueue.js';
import { MAX_ATTEMPTS } from './jobs.js';
import { runWorker } from './worker.js';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Feed</title>
<item><title>One</title><link>https://loop.example/1</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate>
<description>KHARKIV - Russian missiles hit Kharkiv on Monday, killing two people, the governor said.</description></item>
<item><title>Two</title><link>https://loop.example/2</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>ODESA - Drones struck the port of Odesa overnight, wounding three workers, officials said.</description></item>
</channel></rss>`;

await pgDescribe('sitrep worker (in this process)', () => {
  it('fetches feeds into jobs, stores their items, rejects what is no article, and buries what keeps failing', { timeout: 120_000 }, async () => {
    const server = http.createServer((req, res) => {
      if (req.url === '/feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(FEED);
      } else {
        res.writeHead(503);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-worker-'));
    const t = tempSchema();
    const store = await PgStore.open(t.url);
    try {
      writeFileSync(join(dir, 'a.txt'), 'DAMASCUS - Israeli warplanes struck a building in Damascus on Monday, killing three people, a war monitor said.');
      writeFileSync(join(dir, 'de.txt'), 'Die Armee hat am Montag die Stadt angegriffen, teilten die Behörden mit. Es gab viele Verletzte und große Schäden.');
      const q = await enqueueInputs([dir, `${base}/feed.xml`, `${base}/down`], store);
      assert.deepEqual([q.queued, q.queue.queued], [4, 4]);
      const logs: string[] = [];
      const rep = await runWorker(store, t.url, { inline: true, drain: true, retryDelayMs: 0, pollMs: 50, logEveryMs: 0, fetch: { allowPrivate: true }, log: (s) => logs.push(s) });
      // The file, and the feed's two items (queued by the worker that fetched the feed).
      assert.equal(rep.new, 3);
      assert.equal(rep.fannedOut, 1);
      assert.equal(rep.rejected, 1, 'the German text is rejected, once');
      assert.equal(rep.failed, MAX_ATTEMPTS, 'the URL that answers 503 is tried 3 times');
      assert.equal(rep.dead, 1);
      const st = await store.stats();
      assert.equal(st.articles, 3);
      assert.deepEqual([st.queue?.queued, st.queue?.running, st.queue?.dead], [0, 0, 1]);
      assert.equal(st.queue?.deadLetters[0].source, `${base}/down`);
      assert.match(st.queue!.deadLetters[0].error, /503/);
      assert.deepEqual((await store.rejected()).map((r) => r.reason), ['not English (de)']);
      // Queued again, what is stored is skipped.
      assert.equal((await enqueueInputs([dir], store)).skipped, 1);
    } finally {
      await store.close();
      await t.cleanup();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
