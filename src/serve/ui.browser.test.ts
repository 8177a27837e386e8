// The web UI in a real browser: Debian's Chromium driven by playwright-core, against a server on a
// loopback port over a small fixture store. Skipped (reported as skipped, with the reason) where
// /usr/bin/chromium is absent. Screenshots of every page at a desktop (1400×900) and a phone
// (390×844) width go to artifacts/screenshots/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { buildProgram } from '../cli.js';
import { listen, type Running } from './server.js';
import { PACKAGE_ROOT } from './static.js';
import { fixtureStore, XSS_IMG, XSS_SCRIPT, type Fixture } from './testing.js';
import { SqliteStore } from '../store/sqlite.js';
import { makeDoc } from '../store/testing.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(PACKAGE_ROOT, 'artifacts', 'screenshots');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const DESKTOP = { width: 1400, height: 900 };
const PHONE = { width: 390, height: 844 };

const PASTED = `KHARKIV, March 3 (Example Wire) - Russian missiles struck the Ukrainian city of Kharkiv on Sunday, killing five people and wounding twelve, the regional governor said.

"The enemy hit a residential district," Governor Oleh Syniehubov said on Telegram.`;

// Each test says it is skipped (the runner counts skipped tests, not skipped suites).
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (Debian package "chromium"): the browser tests cannot run`;
if (skip) process.stderr.write(`ui.browser.test: skipped: ${skip}\n`);

/** What the CLI prints for these arguments against a store. */
async function cli(db: string, args: string[]): Promise<string> {
  let out = '';
  await buildProgram((s) => (out += s)).parseAsync(['node', 'sitrep', ...args, '--db', db]);
  return out;
}

describe('web UI in Chromium', () => {
  let fx: Fixture;
  let server: Running;
  let ctx: BrowserContext;
  let profile: string;
  const problems: string[] = [];

  before(async () => {
    if (skip) return;
    fx = await fixtureStore();
    server = await listen({ store: fx.store, token: 'test-token', port: 0, host: '127.0.0.1' });
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'sitrep-chromium-'));
    ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: DESKTOP, acceptDownloads: true });
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await ctx?.close();
    await server?.close();
    await fx?.cleanup();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** A new page that records script errors, failed requests and CSP refusals as problems. */
  async function open(path: string, size = DESKTOP, base = server.url): Promise<Page> {
    const page = await ctx.newPage();
    await page.setViewportSize(size);
    page.on('pageerror', (e) => problems.push(`${path}: page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 40[04]/.test(m.text())) problems.push(`${path}: console: ${m.text()}`);
    });
    await page.goto(`${base}/${path}`);
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  /** Incidents the map shows: drawn on their own, or counted in a cluster. */
  const incidentsOnMap = (page: Page) =>
    page.evaluate(() => document.querySelectorAll('path.incident').length + [...document.querySelectorAll<HTMLElement>('.cluster')].reduce((n, c) => n + Number(c.dataset.count), 0));

  it('shows incidents on the map and filters them by country', { skip }, async () => {
    const page = await open('#/map');
    await page.locator('path.incident, .cluster').first().waitFor();
    // Five incidents (the two Damascus reports are one), drawn or clustered.
    assert.equal(await incidentsOnMap(page), 5);
    assert.ok((await page.locator('.leaflet-overlay-pane path').count()) > 100, 'country borders drawn');
    await page.locator('figure.timeline rect.bar').first().waitFor();
    assert.ok((await page.locator('.place-label').count()) > 0, 'place names on the map');

    await page.locator('details.filter-box > summary').click();
    await page.selectOption('select[name=country]', 'UKR');
    await page.waitForFunction(() => location.hash.includes('country=UKR'));
    await page.locator('.chip', { hasText: 'country: UKR' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.incident-list li').length === 2);
    assert.equal(await incidentsOnMap(page), 2);
    const listed = await page.locator('.incident-list li').allTextContents();
    assert.ok(listed.every((t) => /Kharkiv|Odesa/.test(t)), listed.join(' | '));
    await page.close();
  });

  it('filters to the area in view', { skip }, async () => {
    const page = await open('#/map?country=UKR');
    await page.locator('path.incident').first().waitFor();
    await page.locator('button', { hasText: 'Only what is in view' }).click();
    await page.waitForFunction(() => location.hash.includes('bbox='));
    // Without the country, the box alone: the map showed Ukraine and around it.
    await page.locator('.chip', { hasText: 'country: UKR' }).click();
    await page.waitForFunction(() => !location.hash.includes('country=') && location.hash.includes('bbox='));
    await page.waitForFunction(() => document.querySelectorAll('.incident-list li').length === 2);
    assert.ok((await page.locator('.incident-list').textContent())?.includes('Kharkiv'));
    await page.close();
  });

  it('filters by date when a bar of the timeline is clicked or a range dragged', { skip }, async () => {
    const page = await open('#/table');
    const bars = page.locator('figure.timeline rect.bar');
    await bars.first().waitFor();
    await page.locator('figure.timeline rect.bar[data-from="2024-03-04"]').click();
    await page.waitForFunction(() => location.hash.includes('from=2024-03-04') && location.hash.includes('to=2024-03-04'));
    await page.waitForFunction(() => document.querySelectorAll('table.events tbody tr').length === 2);
    // Dragging from the first bar to the last chooses the whole range.
    const box = (await page.locator('figure.timeline svg').boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 5, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => location.hash.includes('from=2024-02-19') && location.hash.includes('to=2024-03-12'));
    await page.waitForFunction(() => document.querySelectorAll('table.events tbody tr').length === 6);
    await page.close();
  });

  it('draws the timeline on 30 loads out of 30, on every page that has one', { skip }, async () => {
    const page = await open('#/map');
    // The lists answer after the timeline's counts, as on a large store: the chart is made, and
    // frames go by, before it is put in the page (the case that once left it undrawn).
    await page.route(/\/api\/(events|incidents)\?/, async (route) => {
      await new Promise((r) => setTimeout(r, 120));
      await route.continue();
    });
    for (const path of ['#/map', '#/table', '#/incidents']) {
      let drawn = 0;
      await page.goto(`${server.url}/${path}`);
      for (let k = 0; k < 30; k++) {
        if (k) await page.reload();
        try {
          await page.locator('figure.timeline svg rect.bar').first().waitFor({ timeout: 10_000 });
          drawn++;
        } catch {
          /* counted below */
        }
      }
      assert.equal(drawn, 30, `${path}: the timeline was drawn on ${drawn} of 30 loads`);
    }
    await page.close();
  });

  it('downloads the filtered view as the same CSV as the CLI prints for the same filter', { skip }, async () => {
    const page = await open('#/table?country=SYR&kind=air_strike');
    await page.locator('table.events tbody tr').first().waitFor();
    await page.locator('details.download > summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('details.download a', { hasText: 'Events — CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'sitrep-events.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    assert.equal(csv, await cli(fx.path, ['events', '--country', 'SYR', '--kind', 'air_strike', '--format', 'csv']));
    assert.equal(csv.trim().split('\r\n').length, 1 + 2, 'a header and the two Damascus reports');
    // Incidents too, in GeoJSON.
    const [geo] = await Promise.all([page.waitForEvent('download'), page.locator('details.download a', { hasText: 'Incidents — GeoJSON' }).click()]);
    assert.equal(readFileSync((await geo.path())!, 'utf8'), await cli(fx.path, ['incidents', '--country', 'SYR', '--kind', 'air_strike', '--format', 'geojson']));
    await page.close();
  });

  it('shows what the server refuses in the filter bar, with the message the CLI prints', { skip }, async () => {
    const page = await open('#/table?from=2024-02-30');
    const error = page.locator('details.filter-box .error');
    await error.waitFor();
    assert.equal(await error.textContent(), 'from: not a date (YYYY-MM-DD): "2024-02-30"');
    assert.equal(await page.locator('input[name=from]').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('input[name=from]').inputValue(), '2024-02-30');
    await page.close();
  });

  it('reaches the first incident with at most 10 presses of Tab, past no country outline', { skip }, async () => {
    const page = await open('#/map');
    await page.locator('path.incident').first().waitFor();
    const stops: string[] = [];
    let reached = 0;
    for (let n = 1; n <= 10 && !reached; n++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => {
        const e = document.activeElement!;
        const incident = !!(e as HTMLElement).dataset?.incident || !!e.closest?.('a[href^="#/incident/"]');
        return { incident, what: `${e.tagName.toLowerCase()}${e.getAttribute('aria-label') ? ` "${e.getAttribute('aria-label')}"` : ` ${(e.textContent ?? '').trim().slice(0, 30)}`}` };
      });
      stops.push(at.what);
      if (at.incident) reached = n;
    }
    assert.ok(reached > 0 && reached <= 10, `not reached in 10 Tabs: ${stops.join(' → ')}`);
    // Enter on a marker opens its popup, with the link to the incident.
    await page.keyboard.press('Enter');
    await page.locator('.leaflet-popup a', { hasText: 'Open incident' }).waitFor();
    await page.close();
  });

  it('keeps every marker clear of the legend and the header over the map, at 1400×900 and 390×844', { skip }, async () => {
    for (const size of [DESKTOP, PHONE]) {
      const page = await open('#/map', size);
      await page.locator('path.incident, .cluster').first().waitFor();
      const r = await page.evaluate(() => {
        const box = (e: Element) => e.getBoundingClientRect();
        const legend = box(document.querySelector('.legend')!);
        const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        const markers = [...document.querySelectorAll('path.incident, .cluster')].map(box);
        return { markers: markers.length, hidden: markers.filter((m) => overlaps(m, legend)).length };
      });
      assert.ok(r.markers > 0);
      assert.equal(r.hidden, 0, `${size.width}×${size.height}: ${r.hidden} of ${r.markers} markers under the legend`);
      // Scrolled so that the map passes under the sticky header: the header stays on top of the zoom buttons.
      await page.evaluate(() => {
        const map = document.querySelector('.map')!;
        window.scrollTo(0, map.getBoundingClientRect().top + window.scrollY - 20);
      });
      const onTop = await page.evaluate(() => {
        const z = document.querySelector('.leaflet-control-zoom')!.getBoundingClientRect();
        const header = document.querySelector('header.top')!;
        const y = header.getBoundingClientRect().bottom - 5;
        if (z.top > y) return true; // not under the header at all
        return header.contains(document.elementFromPoint(z.left + z.width / 2, y));
      });
      assert.ok(onTop, `${size.width}: the zoom buttons draw over the header`);
      await page.close();
    }
  });

  it('says what the map leaves out: incidents without coordinates, and how many of how many it shows', { skip }, async () => {
    // 1,005 incidents on distinct days and places; the two newest name no place.
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-crowded-'));
    const store = new SqliteStore(join(dir, 'crowded.db'));
    try {
      for (let k = 0; k < 1005; k++) {
        const day = new Date(Date.UTC(2000, 0, 1 + 5 * k)).toISOString().slice(0, 10);
        const place = k < 1003 ? { name: `Town ${k}`, country: 'UA', lat: 44 + (k % 50) / 10, lon: 23 + Math.floor(k / 50) / 1.2 } : undefined;
        const sentence = place ? `Shelling hit Town ${k} on that day.` : `Shelling hit a village on that day (report ${k}).`;
        await store.putArticle(makeDoc({ url: `https://crowded.example/${k}`, outlet: 'Crowded Wire', published: day, events: [{ kind: 'shelling', sentence, place, date: day }] }), { source: `c${k}` });
      }
      await store.flush();
      const srv = await listen({ store, port: 0, host: '127.0.0.1' });
      try {
        const page = await open('#/map', DESKTOP, srv.url);
        await page.locator('path.incident, .cluster').first().waitFor();
        const notes = page.locator('.map-notes');
        await notes.getByText('Showing the newest 1,000 of 1,005 incidents').waitFor();
        assert.match((await notes.textContent()) ?? '', /2 of them have no coordinates and are not on the map/);
        assert.equal(await incidentsOnMap(page), 998);
        await page.close();
      } finally {
        await srv.close();
      }
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows an incident with its map, its reports and the sentences they were read from', { skip }, async () => {
    const incidents = (await (await fetch(`${server.url}/api/incidents?country=SYR&kind=air_strike`)).json()) as { items: { id: number }[] };
    const page = await open(`#/incident/${incidents.items[0].id}`);
    await page.locator('.map.small path.incident').waitFor();
    assert.equal(await page.locator('ol.reports > li').count(), 2);
    const evidence = await page.locator('blockquote.evidence').allTextContents();
    assert.ok(evidence.some((t) => /air strike on Damascus on Monday, killing two people/.test(t)), evidence.join(' | '));
    assert.ok(evidence.some((t) => /killed four people, a war monitor said/.test(t)), evidence.join(' | '));
    // The tolls differ (2 and 4): "Taken as" explains the figure; fields that are not numbers never say it.
    const hints = await page.locator('.reported.differ').allTextContents();
    for (const h of hints) if (!/^Killed/.test(h)) assert.doesNotMatch(h, /Taken as/, h);
    assert.ok(hints.some((h) => /^Killed.*Taken as: 2/.test(h)), hints.join(' | '));
    // Each report opens its event.
    await page.locator('ol.reports a').first().click();
    await page.locator('.article-text .m-focus').first().waitFor();
    await page.close();
  });

  it('opens an event from the table and shows its evidence, claims and the figures that differ', { skip }, async () => {
    const page = await open('#/table?country=SYR');
    await page.locator('table.events tbody tr').first().waitFor();
    assert.equal(await page.locator('table.events tbody tr').count(), 3);
    await page.locator('table.events a', { hasText: 'Air strike' }).first().click();
    await page.locator('.article-text .m-focus').first().waitFor();
    const focus = (await page.locator('.article-text .m-focus').allTextContents()).join('');
    assert.match(focus, /air strike on Damascus/);
    assert.match((await page.locator('.claims').first().textContent()) ?? '', /a military source → Example News|a war monitor → Other Wire/);
    const killed = page.locator('.reported.differ', { hasText: 'Killed' });
    const values = await killed.locator('.value .v').allTextContents();
    assert.deepEqual(values.sort(), ['2', '4']);
    assert.match((await killed.textContent()) ?? '', /per a military source/);
    assert.match((await killed.textContent()) ?? '', /per a war monitor/);
    // The first report carries a quote and loaded language with its gloss.
    await page.goto(`${server.url}/#/table?outlet=Example%20News`);
    await page.locator('table.events a', { hasText: 'Air strike' }).first().click();
    await page.locator('.quotes li').first().waitFor();
    assert.match((await page.locator('.quotes').textContent()) ?? '', /We will respond.*Faisal Mekdad, foreign minister/s);
    assert.match((await page.locator('.framing').textContent()) ?? '', /The Zionist enemy.*Israel/s);
    assert.equal(await page.locator('.article-text .m-framing').first().textContent(), 'The Zionist enemy');
    await page.close();
  });

  it('links every event card of an article to its event', { skip }, async () => {
    const events = (await (await fetch(`${server.url}/api/events?country=UKR`)).json()) as { items: { id: number; article: { id: number } }[] };
    const page = await open(`#/article/${events.items[0].article.id}`);
    const cards = page.locator('.cards .event-card header a');
    await cards.first().waitFor();
    const hrefs = await cards.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs.sort(), events.items.map((e) => `#/event/${e.id}`).sort());
    await cards.first().click();
    await page.locator('.article-text .m-focus').first().waitFor();
    await page.close();
  });

  it('keeps an event link working after the corpus is ingested again into a new store', { skip }, async () => {
    const again = await fixtureStore({ rotated: true });
    try {
      // The same report in both stores: its article's URL and its id in the document.
      const first = (await fx.store.events({ kind: 'missile_attack' })).items[0];
      const all = (await again.store.events({})).items;
      const same = all.find((e) => e.article.url === first.article.url && e.event.id === first.event.id)!;
      // Stable ids (src/store/ids.ts): the same report has the same id in the new store.
      assert.equal(String(same.id), String(first.id));
      const srv = await listen({ store: again.store, port: 0, host: '127.0.0.1' });
      try {
        const page = await open(`#/event/${encodeURIComponent(first.id)}`, DESKTOP, srv.url);
        await page.locator('.article-text .m-focus').first().waitFor();
        assert.match((await page.locator('h1').textContent()) ?? '', /Missile attack in Kharkiv/);
        await page.close();
      } finally {
        await srv.close();
      }
    } finally {
      await again.cleanup();
    }
  });

  it('follows an old link to an event the store has moved, and shows the new address', { skip }, async () => {
    const first = (await fx.store.events({ kind: 'missile_attack' })).items[0];
    const movedIds = { moved: async (kind: string, id: string) => (kind === 'event' && id === 'legacy-26' ? String(first.id) : null) };
    const srv = await listen({ store: fx.store, port: 0, host: '127.0.0.1', movedIds });
    try {
      const page = await open('#/event/legacy-26', DESKTOP, srv.url);
      await page.locator('.article-text .m-focus').first().waitFor();
      assert.match((await page.locator('h1').textContent()) ?? '', /Missile attack in Kharkiv/);
      assert.equal(await page.evaluate(() => location.hash), `#/event/${first.id}`);
      await page.goto(`${srv.url}/#/event/legacy-27`);
      await page.locator('main .error', { hasText: 'Not found' }).waitFor();
      await page.close();
    } finally {
      await srv.close();
    }
  });

  it('extracts a pasted article and shows its events, each card leading to its evidence', { skip }, async () => {
    const page = await open('#/paste');
    await page.fill('textarea[name=text]', PASTED);
    await page.fill('input[name=published]', '2024-03-04');
    await page.click('button[type=submit]');
    await page.locator('.paste-result .event-card').first().waitFor();
    const cards = await page.locator('.paste-result .event-card header').allTextContents();
    assert.ok(cards.some((c) => /Missile attack|Air strike|Shelling/.test(c)), cards.join(' | '));
    assert.ok((await page.locator('.paste-result .article-text .m-event').count()) > 0);
    await page.locator('.paste-result .event-card header button.kind').first().click();
    await page.locator('.paste-result .article-text .flash').first().waitFor();
    await shot(page, 'paste-1400');
    await page.close();
  });

  it('shows markup in articles as text and never runs it', { skip }, async () => {
    const events = (await (await fetch(`${server.url}/api/events?kind=shelling`)).json()) as { items: { id: number }[] };
    const page = await open(`#/event/${events.items[0].id}`);
    await page.locator('.article-text').waitFor();
    const text = await page.locator('.article-text').textContent();
    assert.ok(text?.includes(XSS_SCRIPT), 'the script tag shows as text');
    assert.ok(text?.includes(XSS_IMG), 'the img tag shows as text');
    assert.ok((await page.locator('h2', { hasText: 'Aleppo <img' }).count()) === 1, 'the title shows as text');
    assert.equal(await page.locator('.article-text img, .article-text script, main img').count(), 0);
    // A javascript: URL as the article's address does not become a link that runs.
    assert.equal(await page.locator('.article-head a', { hasText: 'original' }).count(), 0);
    assert.equal(await page.locator('a[href^="javascript"]').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);

    await page.goto(`${server.url}/#/table`);
    await page.locator('table.events tbody tr').first().waitFor();
    assert.ok((await page.locator('table.events').textContent())?.includes('Hostile <b>Outlet</b>'));

    await page.goto(`${server.url}/#/paste`);
    await page.fill('textarea[name=text]', `${PASTED}\n\nA reader wrote ${XSS_SCRIPT} and ${XSS_IMG} in the comments.`);
    await page.click('button[type=submit]');
    await page.locator('.paste-result .article-text').waitFor();
    assert.ok((await page.locator('.paste-result .article-text').textContent())?.includes(XSS_SCRIPT));
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    await page.close();
  });

  it('fits every page to a 1400 px and a 390 px wide screen (screenshots in artifacts/screenshots/)', { skip }, async () => {
    const incident = ((await (await fetch(`${server.url}/api/incidents?country=SYR&kind=air_strike`)).json()) as { items: { id: number }[] }).items[0].id;
    const event = ((await (await fetch(`${server.url}/api/events?outlet=Example%20News`)).json()) as { items: { id: number }[] }).items[0].id;
    const pages: [string, string, string][] = [
      ['map', '#/map', 'path.incident, .cluster'],
      ['table', '#/table', 'table.events tbody tr'],
      ['incidents', '#/incidents', 'table.incidents tbody tr'],
      ['incident', `#/incident/${incident}`, '.map.small path.incident'],
      ['event', `#/event/${event}`, '.article-text .m-focus'],
    ];
    for (const size of [DESKTOP, PHONE])
      for (const [name, path, ready] of pages) {
        const page = await open(path, size);
        await page.locator(ready).first().waitFor();
        await page.waitForTimeout(300); // map tiles of vector borders and labels settle
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `${name} at ${size.width} px: the page is ${overflow} px wider than the screen`);
        await shot(page, `${name}-${size.width}`);
        await page.close();
      }
  });

  it('ran without script errors or refused resources', { skip }, () => {
    assert.deepEqual(problems, []);
  });
});
