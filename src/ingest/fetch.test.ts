// Fetching URLs: private, loopback and link-local addresses are refused before any connection,
// unless allowed; limits hold. Only a server on loopback is used: no real network.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPrivateAddress, safeFetch } from './fetch.js';
import { ingest } from './run.js';
import { SqliteStore } from '../store/sqlite.js';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Feed</title>
<item><title>One</title><link>https://loop.example/1</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate>
<description>KHARKIV - Russian missiles hit Kharkiv on Monday, killing two people, the governor said.</description></item>
</channel></rss>`;

describe('fetching URLs', () => {
  let server: http.Server;
  let base: string;
  const hits: string[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(FEED);
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<p>' + 'x'.repeat(5000) + '</p>');
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('late'), 2000);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('knows private, loopback, link-local and reserved addresses, in IPv4 and IPv6', () => {
    for (const a of ['10.0.0.1', '127.0.0.1', '127.8.9.10', '169.254.169.254', '172.16.5.4', '192.168.1.1', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:a00:1', 'not-an-ip'])
      assert.equal(isPrivateAddress(a), true, a);
    for (const a of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) assert.equal(isPrivateAddress(a), false, a);
  });

  it('refuses private and loopback addresses before connecting', async () => {
    const before = hits.length;
    await assert.rejects(safeFetch('http://10.0.0.1/feed.xml'), /refused: 10\.0\.0\.1 resolves to 10\.0\.0\.1/);
    await assert.rejects(safeFetch(`${base}/feed.xml`), /refused: 127\.0\.0\.1/);
    await assert.rejects(safeFetch('http://[::1]:9/x'), /refused/);
    assert.equal(hits.length, before, 'the loopback server saw no request');
  });

  it('checks every address a host name resolves to', async () => {
    const resolve = async (h: string) =>
      h === 'mixed.example' ? [{ address: '93.184.216.34', family: 4 }, { address: '192.168.0.10', family: 4 }] : [{ address: '10.1.2.3', family: 4 }];
    await assert.rejects(safeFetch('http://intranet.example/', { resolve }), /intranet\.example resolves to 10\.1\.2\.3/);
    await assert.rejects(safeFetch('http://mixed.example/', { resolve }), /mixed\.example resolves to 192\.168\.0\.10/);
  });

  it('fetches from loopback when allowed, within the size and time limits', async () => {
    const got = await safeFetch(`${base}/feed.xml`, { allowPrivate: true });
    assert.match(got.body.toString(), /Loopback Feed/);
    await assert.rejects(safeFetch(`${base}/big`, { allowPrivate: true, maxBytes: 1000 }), /too large/);
    await assert.rejects(safeFetch(`${base}/slow`, { allowPrivate: true, timeoutMs: 200 }), /timed out/);
    await assert.rejects(safeFetch(`${base}/missing`, { allowPrivate: true }), /HTTP 404/);
    await assert.rejects(safeFetch('ftp://example.com/x'), /only http and https/);
  });

  it('ingests a feed URL only with --allow-private when it is on loopback, recording the refusal otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-fetch-'));
    try {
      const db = join(dir, 'f.db');
      let out = '';
      const refused = await ingest([`${base}/feed.xml`], { db, workers: 0, tty: false, out: (s) => (out += s), err: () => {} });
      assert.equal(refused.rejected, 1);
      assert.match(out, /feed\.xml: refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a private, loopback or link-local address/);
      const ok = await ingest([`${base}/feed.xml`], { db, workers: 0, tty: false, allowPrivate: true, out: () => {}, err: () => {} });
      assert.equal(ok.new, 1);
      const s = new SqliteStore(db, { readonly: true });
      const st = await s.stats();
      s.db.close();
      assert.deepEqual([st.articles, st.rejected], [1, 0], 'a URL read at last is no longer listed as rejected');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
