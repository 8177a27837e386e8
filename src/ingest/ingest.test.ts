// `sitrep ingest` on every input kind (fixtures in test/fixtures/corpus/, a WARC.gz made here),
// idempotency, revisions, sidecars and bad items.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest, type IngestReport } from './run.js';
import { SqliteStore } from '../store/sqlite.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'corpus');

interface ArticleRow {
  key: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  license: string | null;
  source: string;
}

function articles(db: string): ArticleRow[] {
  const s = new SqliteStore(db, { readonly: true });
  try {
    return s.db
      .prepare('SELECT a.key, a.url, a.outlet, a.title, a.published, a.license, r.source FROM articles a JOIN revisions r ON r.id = a.current_revision ORDER BY r.source')
      .all() as ArticleRow[];
  } finally {
    s.db.close();
  }
}

const bySource = (rows: ArticleRow[], end: string) => {
  const r = rows.find((x) => x.source.endsWith(end));
  assert.ok(r, `an article from ${end}`);
  return r;
};

async function run(paths: string[], db: string, extra: Partial<Parameters<typeof ingest>[1]> = {}): Promise<{ report: IngestReport; out: string; err: string }> {
  let out = '';
  let err = '';
  const report = await ingest(paths, { db, workers: 0, tty: false, out: (s) => (out += s), err: (s) => (err += s), ...extra });
  return { report, out, err };
}

describe('sitrep ingest', () => {
  let dir: string;
  let db: string;
  let first: Awaited<ReturnType<typeof run>>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
    db = join(dir, 'corpus.db');
    first = await run([FIXTURES], db);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every input kind of the fixture folder and reports the bad items', () => {
    const r = first.report;
    assert.equal(r.new, 9, first.out);
    assert.equal(r.rejected, 3);
    assert.deepEqual(
      r.rejections.map((x) => [x.source.slice(FIXTURES.length + 1), x.reason.replace(/ \(.*/, '')]),
      [
        ['jsonl/batch.jsonl:2', 'not valid JSON'],
        ['jsonl/batch.jsonl:3', 'needs a "text" or an "html" field'],
        ['jsonl/batch.jsonl:5', 'not English'],
      ],
    );
    assert.match(first.out, /9 new, 0 revised, 0 duplicates, 0 stored before, 3 rejected/);
    assert.match(first.out, /rejected \(3\):\n {2}\S+batch\.jsonl:2: not valid JSON/);
    assert.ok(r.events > 0);
  });

  it('takes plain text metadata from the folder meta.json and a file sidecar', () => {
    const rows = articles(db);
    const k = bySource(rows, 'kharkiv-missiles.txt');
    assert.deepEqual([k.outlet, k.published, k.license, k.url], ['Fixture Daily', '2024-04-02', 'CC BY 4.0', null]);
    assert.match(k.key, /^file:.*kharkiv-missiles\.txt$/);
    const o = bySource(rows, 'odesa-port.txt');
    assert.deepEqual([o.url, o.title, o.outlet], ['https://fixture.example/odesa-port', 'Drones hit Odesa port', 'Fixture Daily']);
  });

  it('reads an HTML page with its own metadata and canonical URL', () => {
    const h = bySource(articles(db), 'gaza-strike.html');
    assert.equal(h.outlet, 'Fixture Wire');
    assert.equal(h.published?.slice(0, 10), '2024-03-11');
    assert.equal(h.key, 'https://wire.fixture.example/2024/03/khan-younis-strike');
  });

  it('reads JSON lines with text or HTML', () => {
    const rows = articles(db);
    const a = bySource(rows, 'batch.jsonl:1');
    assert.deepEqual([a.url, a.outlet, a.title, a.published], ['https://fixture.example/sanaa-protest', 'Fixture Gulf', 'Rally in Sanaa', '2024-02-10']);
    // No URL: its id names it.
    assert.match(bySource(rows, 'batch.jsonl:4').key, /batch\.jsonl#id=j2$/);
  });

  it('reads RSS items (content:encoded first) and Atom entries, the feed title as outlet', () => {
    const rows = articles(db);
    const r1 = bySource(rows, 'news.rss#item 1');
    assert.deepEqual([r1.outlet, r1.title, r1.published], ['Fixture Feed News', 'Clashes near El Fasher', '2024-03-05T08:00:00Z']);
    assert.equal(r1.key, 'https://feed.fixture.example/el-fasher-clashes', 'tracking parameters dropped');
    const r2 = bySource(rows, 'news.rss#item 2');
    assert.equal(r2.published, '2024-03-06T09:15:00Z');
    const a1 = bySource(rows, 'news.atom#item 1');
    assert.deepEqual([a1.outlet, a1.url, a1.published], ['Fixture Atom Desk', 'https://atom.fixture.example/donetsk-shelling', '2024-03-07T06:00:00Z']);
    assert.equal(bySource(rows, 'news.atom#item 2').published, '2024-03-08T09:00:00Z');
    const s = new SqliteStore(db, { readonly: true });
    try {
      const text = (s.db.prepare("SELECT text FROM revisions WHERE source LIKE '%news.rss#item 1'").get() as { text: string }).text;
      assert.match(text, /Rapid Support Forces/, 'the full content, not the summary');
    } finally {
      s.db.close();
    }
  });

  it('stores nothing twice when the same inputs come again, and says they were stored before', async () => {
    const again = await run([FIXTURES], db);
    assert.deepEqual([again.report.new, again.report.skipped, again.report.rejected], [0, 9, 3]);
    const s = new SqliteStore(db, { readonly: true });
    const st = await s.stats();
    s.db.close();
    assert.deepEqual([st.articles, st.revisions, st.rejected], [9, 9, 3]);
  });
});

describe('sitrep ingest: revisions, sidecars, WARC', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest2-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a changed file as a new revision of the same article', async () => {
    const folder = join(dir, 'rev');
    mkdirSync(folder);
    cpSync(join(FIXTURES, 'text', 'kharkiv-missiles.txt'), join(folder, 'k.txt'));
    const db = join(dir, 'rev.db');
    assert.equal((await run([folder], db)).report.new, 1);
    writeFileSync(join(folder, 'k.txt'), 'KHARKIV, Ukraine - Russian forces fired missiles at Kharkiv on Monday, killing six civilians, the governor said.\n');
    const second = await run([folder], db);
    assert.equal(second.report.revision, 1);
    const s = new SqliteStore(db, { readonly: true });
    const st = await s.stats();
    // Ids come from the article's key, not from the order it was stored in.
    const { id } = s.db.prepare('SELECT id FROM articles').get() as { id: number };
    const a = await s.getArticle(id);
    s.db.close();
    assert.deepEqual([st.articles, st.revisions], [1, 2]);
    assert.ok(st.superseded > 0, 'the first revision’s events are kept, superseded');
    assert.match(a!.text, /six civilians/);
  });

  it('lets an HTML page’s own metadata win over the folder meta.json, which fills what the page lacks', async () => {
    const folder = join(dir, 'side');
    mkdirSync(folder);
    writeFileSync(join(folder, 'meta.json'), JSON.stringify({ outlet: 'Folder Outlet', published: '2020-01-01', license: 'CC0' }));
    cpSync(join(FIXTURES, 'html', 'gaza-strike.html'), join(folder, 'page.html'));
    writeFileSync(join(folder, 'bare.html'), '<html><body><article><p>ALEPPO, Syria - Government forces shelled villages south of Aleppo on Tuesday, killing three civilians, a monitoring group said.</p></article></body></html>');
    writeFileSync(join(folder, 'notes.md'), 'not an input');
    const db = join(dir, 'side.db');
    const r = await run([folder], db);
    assert.equal(r.report.new, 2);
    assert.equal(r.report.ignored, 1, 'other extensions are skipped and counted');
    const rows = articles(db);
    const page = bySource(rows, 'page.html');
    assert.deepEqual([page.outlet, page.published?.slice(0, 10), page.license], ['Fixture Wire', '2024-03-11', 'CC0']);
    const bare = bySource(rows, 'bare.html');
    assert.deepEqual([bare.outlet, bare.published], ['Folder Outlet', '2020-01-01']);
  });

  it('reports a broken sidecar and goes on without it', async () => {
    const folder = join(dir, 'broken');
    mkdirSync(folder);
    writeFileSync(join(folder, 'meta.json'), '{ "outlet": 7 }');
    cpSync(join(FIXTURES, 'text', 'odesa-port.txt'), join(folder, 'o.txt'));
    const r = await run([folder], join(dir, 'broken.db'));
    assert.equal(r.report.new, 1);
    assert.equal(r.report.rejected, 1);
    assert.match(r.report.rejections[0].reason, /"outlet" must be a string/);
  });

  it('reads HTML responses of a WARC.gz, with WARC-Date as the fallback publication date', async () => {
    const { WARCRecord, WARCSerializer } = await import('warcio');
    const enc = new TextEncoder();
    const body = (s: string) => (async function* () {
      yield enc.encode(s);
    })();
    const page = (p: string, meta = '') =>
      `<!doctype html><html><head><meta charset="utf-8">${meta}<title>T</title></head><body><article><p>${p}</p></article></body></html>`;
    const records = [
      WARCRecord.createWARCInfo({ filename: 'test.warc.gz' }, { software: 'sitrep test' }),
      WARCRecord.create(
        { url: 'https://warc.example/dated', date: '2024-05-01T12:00:00Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' } },
        body(page('SANAA, Yemen - Air strikes hit the port of Hodeidah on Tuesday, killing two workers, port officials said.', '<meta property="article:published_time" content="2024-04-30T08:00:00Z">')),
      ),
      WARCRecord.create({ url: 'https://warc.example/logo.png', date: '2024-05-01T12:00:01Z', type: 'response', httpHeaders: { 'Content-Type': 'image/png' } }, body('PNG')),
      WARCRecord.create(
        { url: 'https://warc.example/undated', date: '2024-05-02T12:00:00Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html' } },
        body(page('GAO, Mali - Gunmen attacked an army post near Gao on Wednesday, killing four soldiers, a military source said.')),
      ),
      WARCRecord.create({ url: 'https://warc.example/undated', date: '2024-05-02T12:00:00Z', type: 'request', httpHeaders: {} }, body('')),
    ];
    const parts: Uint8Array[] = [];
    for (const rec of records) parts.push(await WARCSerializer.serialize(rec, { gzip: true }));
    const file = join(dir, 'crawl.warc.gz');
    writeFileSync(file, Buffer.concat(parts));
    const db = join(dir, 'warc.db');
    const r = await run([file], db);
    assert.equal(r.report.new, 2, r.out);
    const rows = articles(db);
    assert.deepEqual(rows.map((x) => [x.url, x.published?.slice(0, 10)]), [
      ['https://warc.example/dated', '2024-04-30'],
      ['https://warc.example/undated', '2024-05-02'],
    ]);
  });

  it('refuses a missing path before reading anything', async () => {
    await assert.rejects(run([join(dir, 'nope')], join(dir, 'x.db')), /nope: no such file or folder/);
  });
});

describe('a folder described by manifest.jsonl', () => {
  it('takes each file\'s outlet, date, url and licence from its manifest line, and ingests no manifest as articles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-manifest-'));
    try {
      const corpus = join(dir, 'corpus');
      mkdirSync(corpus);
      writeFileSync(join(corpus, 'a.txt'), 'Israeli warplanes struck targets near Damascus on Tuesday, killing two soldiers, a military source said.');
      writeFileSync(
        join(corpus, 'manifest.jsonl'),
        JSON.stringify({ file: 'a.txt', outlet: 'Levant Wire', published: '2024-03-06', url: 'https://levant.example/a', license: 'CC0-1.0', title: 'Strike' }) + '\n',
      );
      const db = join(dir, 'm.db');
      const { report } = await run([corpus], db);
      assert.equal(report.new, 1);
      assert.equal(report.rejected, 0);
      const [a] = articles(db);
      assert.deepEqual([a.outlet, a.published, a.url, a.license, a.title], ['Levant Wire', '2024-03-06', 'https://levant.example/a', 'CC0-1.0', 'Strike']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sitrep ingest: links, special files, unreadable folders, cut archives', () => {
  /** Every input counted once: as new, revised, duplicate, stored before, or rejected; the ignored beside them. */
  const addsUp = (r: IngestReport) => assert.equal(r.new + r.revision + r.duplicate + r.skipped + r.rejected, r.inputs, JSON.stringify(r));

  it('follows symbolic links, detects a loop, and counts a broken link, a FIFO and an unreadable folder as rejections', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-links-'));
    try {
      const outside = join(dir, 'outside');
      mkdirSync(outside);
      cpSync(join(FIXTURES, 'text', 'odesa-port.txt'), join(outside, 'o.txt'));
      // A folder holding only a link to a file elsewhere: that file is read.
      const only = join(dir, 'only');
      mkdirSync(only);
      symlinkSync(join(outside, 'o.txt'), join(only, 'o.txt'));
      const a = await run([only], join(dir, 'only.db'));
      assert.deepEqual([a.report.inputs, a.report.new], [1, 1]);

      const root = join(dir, 'root');
      mkdirSync(join(root, 'real'), { recursive: true });
      cpSync(join(FIXTURES, 'text', 'kharkiv-missiles.txt'), join(root, 'real', 'k.txt'));
      symlinkSync(join(root, 'real'), join(root, 'again')); // the same folder twice: its file stored once
      symlinkSync(root, join(root, 'real', 'up')); // back to the root: a loop
      symlinkSync(join(root, 'missing.txt'), join(root, 'gone.txt'));
      execFileSync('mkfifo', [join(root, 'pipe.txt')]);
      mkdirSync(join(root, 'locked'));
      cpSync(join(FIXTURES, 'text', 'odesa-port.txt'), join(root, 'locked', 'o.txt'));
      chmodSync(join(root, 'locked'), 0o000);
      const r = await run([root], join(dir, 'root.db'));
      chmodSync(join(root, 'locked'), 0o755);
      addsUp(r.report);
      assert.equal(r.report.new, process.getuid?.() === 0 ? 2 : 1, r.out); // root reads the locked folder all the same
      assert.equal(r.report.duplicate + r.report.skipped, 1, 'k.txt through the link: the same article');
      assert.deepEqual(r.report.ignoredWhy, { 'a symbolic link loop (to a folder above it)': 2 });
      const reasons = r.report.rejections.map((x) => `${x.source.slice(root.length + 1)}: ${x.reason}`).sort();
      const expected = [`gone.txt: a symbolic link to nothing (${join(root, 'missing.txt')})`, 'pipe.txt: not a regular file (a FIFO)'];
      if (process.getuid?.() !== 0) expected.unshift('locked: cannot be read (EACCES)');
      assert.deepEqual(reasons, expected.sort());
      assert.match(r.out, /2 ignored \(2 a symbolic link loop/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores no article from a record cut short: a rejection with its offset, and the counts add up', async () => {
    const { WARCRecord, WARCSerializer } = await import('warcio');
    const enc = new TextEncoder();
    const page = (p: string) => `<!doctype html><html><body><article><p>${p}</p></article></body></html>`;
    const recs: Buffer[] = [];
    for (const [i, p] of [
      'SANAA, Yemen - Air strikes hit the port of Hodeidah on Tuesday, killing two workers, port officials said.',
      'GAO, Mali - Gunmen attacked an army post near Gao on Wednesday, killing four soldiers, a military source said.',
    ].entries())
      recs.push(
        Buffer.from(
          await WARCSerializer.serialize(
            WARCRecord.create({ url: `https://warc.example/${i}`, date: '2024-05-01T12:00:00Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html' } }, (async function* () {
              yield enc.encode(page(p));
            })()),
          ),
        ),
      );
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-cutwarc-'));
    try {
      const file = join(dir, 'cut.warc');
      const whole = Buffer.concat(recs);
      writeFileSync(file, whole.subarray(0, whole.length - 60));
      const r = await run([file], join(dir, 'cut.db'));
      addsUp(r.report);
      assert.deepEqual([r.report.inputs, r.report.new, r.report.rejected], [2, 1, 1]);
      assert.equal(r.report.rejections[0].source, `${file}#record 2 (byte ${recs[0].length})`);
      assert.match(r.report.rejections[0].reason, /^cut off: the record has \d+ of its \d+ bytes$/);
      assert.deepEqual(articles(join(dir, 'cut.db')).map((a) => a.url), ['https://warc.example/0']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
