// The web UI in a real browser: Debian's Chromium driven by playwright-core, against a server on a
// loopback port over a small fixture store. Skipped (reported as skipped) where /usr/bin/chromium
// is absent. Screenshots of the main pages, desktop and phone width, go to artifacts/screenshots/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { listen, type Running } from './server.js';
import { PACKAGE_ROOT } from './static.js';
import { fixtureStore, XSS_IMG, XSS_SCRIPT, type Fixture } from './testing.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(PACKAGE_ROOT, 'artifacts', 'screenshots');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const PASTED = `KHARKIV, March 3 (Example Wire) - Russian missiles struck the Ukrainian city of Kharkiv on Sunday, killing five people and wounding twelve, the regional governor said.

"The enemy hit a residential district," Governor Oleh Syniehubov said on Telegram.`;

// Each test says it is skipped (the runner counts skipped tests, not skipped suites).
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed`;

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
    ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 860 } });
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await ctx?.close();
    await server?.close();
    await fx?.cleanup();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** A new page that records script errors, failed requests and CSP refusals as problems. */
  async function open(path: string, width = 1280, height = 860): Promise<Page> {
    const page = await ctx.newPage();
    await page.setViewportSize({ width, height });
    page.on('pageerror', (e) => problems.push(`${path}: page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${path}: console: ${m.text()}`);
    });
    await page.goto(`${server.url}/${path}`);
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  it('shows incidents on the map and filters them by country', { skip }, async () => {
    const page = await open('#/map');
    await page.locator('path.incident').first().waitFor();
    // Five incidents: the two Damascus reports are one.
    assert.equal(await page.locator('path.incident').count(), 5);
    assert.ok(await page.locator('.leaflet-overlay-pane path').count() > 100, 'country borders drawn');
    await page.locator('figure.timeline rect.bar').first().waitFor();
    await shot(page, 'map-desktop');

    await page.selectOption('select[name=country]', 'UKR');
    await page.waitForFunction(() => location.hash.includes('country=UKR'));
    await page.locator('.chip', { hasText: 'country: UKR' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('path.incident').length === 2);
    const listed = await page.locator('.incident-list li').allTextContents();
    assert.equal(listed.length, 2);
    assert.ok(listed.every((t) => /Kharkiv|Odesa/.test(t)), listed.join(' | '));
    await page.close();
  });

  it('filters by date when a bar of the timeline is clicked or a range dragged', { skip }, async () => {
    const page = await open('#/table');
    const bars = page.locator('figure.timeline rect.bar');
    await bars.first().waitFor();
    const day = await page.locator('figure.timeline rect.bar[data-from="2024-03-04"]').getAttribute('data-from');
    assert.equal(day, '2024-03-04');
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

  it('opens an event from the table and shows its evidence, claims and the figures that differ', { skip }, async () => {
    const page = await open('#/table?country=SYR');
    await page.locator('table.events tbody tr').first().waitFor();
    assert.equal(await page.locator('table.events tbody tr').count(), 3);
    await shot(page, 'table-desktop');
    await page.locator('table.events a', { hasText: 'Air strike' }).first().click();
    await page.locator('.article-text .m-focus').first().waitFor();
    const focus = (await page.locator('.article-text .m-focus').allTextContents()).join('');
    assert.match(focus, /air strike on Damascus/);
    assert.match(await page.locator('.claims').first().textContent() ?? '', /a military source → Example News|a war monitor → Other Wire/);
    const killed = page.locator('.reported.differ', { hasText: 'Killed' });
    const values = await killed.locator('.value .v').allTextContents();
    assert.deepEqual(values.sort(), ['2', '4']);
    assert.match(await killed.textContent() ?? '', /per a military source/);
    assert.match(await killed.textContent() ?? '', /per a war monitor/);
    // The first report carries a quote and loaded language with its gloss.
    await page.goto(`${server.url}/#/table?outlet=Example%20News`);
    await page.locator('table.events a', { hasText: 'Air strike' }).first().click();
    await page.locator('.quotes li').first().waitFor();
    assert.match(await page.locator('.quotes').textContent() ?? '', /We will respond.*Faisal Mekdad, foreign minister/s);
    assert.match(await page.locator('.framing').textContent() ?? '', /The Zionist enemy.*Israel/s);
    assert.equal(await page.locator('.article-text .m-framing').first().textContent(), 'The Zionist enemy');
    await shot(page, 'event-desktop');
    await page.close();
  });

  it('extracts a pasted article and shows its events', { skip }, async () => {
    const page = await open('#/paste');
    await page.fill('textarea[name=text]', PASTED);
    await page.fill('input[name=published]', '2024-03-04');
    await page.click('button[type=submit]');
    await page.locator('.paste-result .event-card').first().waitFor();
    const cards = await page.locator('.paste-result .event-card header').allTextContents();
    assert.ok(cards.some((c) => /Missile attack|Air strike|Shelling/.test(c)), cards.join(' | '));
    assert.ok(await page.locator('.paste-result .article-text .m-event').count() > 0);
    await shot(page, 'paste-desktop');
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

  it('fits a 390 px wide phone screen', { skip }, async () => {
    for (const [name, path] of [
      ['map', '#/map'],
      ['table', '#/table'],
      ['paste', '#/paste'],
    ] as const) {
      const page = await open(path, 390, 844);
      await page.locator(name === 'map' ? 'path.incident' : name === 'table' ? 'table.events' : 'textarea').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${name}: the page is ${overflow} px wider than the screen`);
      await shot(page, `${name}-390`);
      if (name === 'table') {
        await page.locator('table.events a', { hasText: 'Air strike' }).first().click();
        await page.locator('.article-text .m-focus').first().waitFor();
        const o = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(o <= 1, `event: the page is ${o} px wider than the screen`);
        await shot(page, 'event-390');
      }
      await page.close();
    }
  });

  it('ran without script errors or refused resources', { skip }, () => {
    assert.deepEqual(problems, []);
  });
});
