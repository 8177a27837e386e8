// Several `sitrep serve` processes on one PostgreSQL store: each answers every read the same way,
// and each sees at once what a writer (a worker, another process) stored meanwhile.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fixtureDocs } from '../../serve/testing.js';
import { BIN } from '../../queue/testing.js';
import { DAMASCUS, makeDoc } from '../testing.js';
import { PgStore } from './store.js';
import { pgDescribe, tempSchema } from './testing.js';

/** `sitrep serve --db url --port 0`, and the address it printed. */
async function serve(url: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', url, '--port', '0', '--readers', '1'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SITREP_TOKEN: '' } });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/[\d.:]+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`sitrep serve exited (${code}): ${err}`)));
  });
  return { child, base };
}

const get = async (base: string, path: string) => {
  const r = await fetch(base + path);
  assert.equal(r.status, 200, `${base}${path}`);
  return r.json();
};

await pgDescribe('sitrep serve on PostgreSQL, several processes', () => {
  it('answers alike from every server, and each sees new reports at once', { timeout: 120_000 }, async () => {
    const t = tempSchema();
    const writer = await PgStore.open(t.url);
    const servers: ChildProcess[] = [];
    try {
      for (const [k, d] of fixtureDocs().entries()) await writer.putArticle(d, { source: `fixture ${k}` });
      const [a, b] = await Promise.all([serve(t.url), serve(t.url)]);
      servers.push(a.child, b.child);
      for (const path of ['/api/events?country=SY', '/api/incidents', '/api/stats', '/api/events?q=strike&limit=2']) {
        const [x, y] = await Promise.all([get(a.base, path), get(b.base, path)]);
        assert.deepEqual(x, y, path);
      }
      const direct = await writer.events({ country: 'SY' });
      assert.deepEqual((await get(a.base, '/api/events?country=SY')).items.map((e: { id: number }) => e.id), direct.items.map((e) => e.id));
      // A writer stores one more report: both servers list it on their next request.
      const before = (await get(a.base, '/api/stats')).events;
      const put = await writer.putArticle(
        makeDoc({ url: 'https://late.example/1', outlet: 'Late Wire', published: '2024-03-09', events: [{ kind: 'shelling', sentence: 'Shelling hit Damascus late on Friday.', place: DAMASCUS, date: '2024-03-08' }] }),
        { source: 'late' },
      );
      for (const s of [a, b]) {
        assert.equal((await get(s.base, '/api/stats')).events, before + 1);
        assert.equal((await get(s.base, `/api/events/${put.eventIds[0]}`)).event.kind, 'shelling');
      }
    } finally {
      for (const c of servers) {
        c.kill('SIGTERM');
        if (c.exitCode === null) await once(c, 'exit');
      }
      await writer.close();
      await t.cleanup();
    }
  });
});
