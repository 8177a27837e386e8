import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { normaliseDate, readMeta } from './meta.js';

const meta = (head: string, body = '') => {
  const { document } = parseHTML(`<!doctype html><html lang="en-GB"><head>${head}</head><body>${body}</body></html>`);
  return readMeta(document as unknown as Parameters<typeof readMeta>[0]);
};
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

test('title: og:title, then twitter:title, JSON-LD headline, <title> without the site name, <h1>', () => {
  assert.equal(meta('<meta property="og:title" content="A"><meta name="twitter:title" content="B"><title>C</title>').title, 'A');
  assert.equal(meta('<meta name="twitter:title" content="B"><title>C</title>').title, 'B');
  assert.equal(meta(`${ld({ '@type': 'NewsArticle', headline: 'D' })}<title>C</title>`).title, 'D');
  assert.equal(meta('<title>Drone strike hits fuel depot in Syria | Reuters</title>').title, 'Drone strike hits fuel depot in Syria');
  assert.equal(meta('<meta property="og:site_name" content="Mehr News Agency"><title>Mehr News Agency - Iran to help Syria</title>').title, 'Iran to help Syria');
  assert.equal(meta('', '<h1>Only a heading</h1>').title, 'Only a heading');
});

test('byline: meta author, JSON-LD authors, article:author unless it is a URL; "By" dropped', () => {
  assert.equal(meta('<meta name="author" content="By Jane Doe">').byline, 'Jane Doe');
  assert.equal(meta(ld({ '@type': 'Article', author: [{ '@type': 'Person', name: 'A B' }, { name: 'C D' }] })).byline, 'A B, C D');
  assert.equal(meta('<meta property="article:author" content="https://facebook.com/x">').byline, null);
  assert.equal(meta('<meta property="article:author" content="Ali Hassan">').byline, 'Ali Hassan');
  assert.equal(meta('<meta name="byl" content="By Falih Hassan and Eric Schmitt">').byline, 'Falih Hassan and Eric Schmitt');
});

test('JSON-LD inside @graph with @id references, and broken JSON-LD, are handled', () => {
  const m = meta(
    ld({
      '@graph': [
        { '@type': 'Article', datePublished: '2023-09-17T07:03:12+00:00', author: { '@id': '#p' }, publisher: { '@id': '#o' } },
        { '@type': 'Person', '@id': '#p', name: 'Hazem Sabbagh' },
        { '@type': 'Organization', '@id': '#o', name: 'SANA' },
      ],
    }) + '<script type="application/ld+json">{"broken": </script>',
  );
  assert.deepEqual([m.byline, m.outlet, m.published], ['Hazem Sabbagh', 'SANA', '2023-09-17T07:03:12+00:00']);
});

test('published: article:published_time, JSON-LD, itemprop, <time> in the article, other date tags', () => {
  assert.equal(meta('<meta property="article:published_time" content="2023-04-05T11:20:00+0430">').published, '2023-04-05T11:20:00+04:30');
  assert.equal(meta(ld({ '@type': 'NewsArticle', datePublished: '2024-01-24T10:05:12.345Z' })).published, '2024-01-24T10:05:12Z');
  assert.equal(meta('<meta itemprop="datePublished" content="2024-03-12T06:17:00+03:00">').published, '2024-03-12T06:17:00+03:00');
  assert.equal(meta('', '<time datetime="2020-01-01">x</time><article><time datetime="2024-02-16">y</time></article>').published, '2024-02-16');
  assert.equal(meta('<meta name="dcterms.created" content="Tue, 14 Nov 2023 05:00:00 GMT">').published, '2023-11-14T05:00:00Z');
  assert.equal(meta('<meta name="date" content="2024/02/16">').published, '2024-02-16');
  assert.equal(meta('<meta name="date" content="not a date">').published, null);
});

test('dates are normalised to ISO 8601 or refused', () => {
  assert.equal(normaliseDate('2023-04-05'), '2023-04-05');
  assert.equal(normaliseDate('2023-4-5 10:20'), '2023-04-05T10:20:00');
  assert.equal(normaliseDate('2023-04-05T10:20:00 UTC'), '2023-04-05T10:20:00Z');
  assert.equal(normaliseDate('20230405'), '2023-04-05');
  assert.equal(normaliseDate('April 5, 2023'), '2023-04-05');
  assert.equal(normaliseDate('5 April 2023'), '2023-04-05');
  assert.equal(normaliseDate('2023-02-30'), null);
  assert.equal(normaliseDate('05/04/2023'), null, 'day and month order cannot be told');
  assert.equal(normaliseDate(''), null);
});

test('canonical URL: link rel=canonical (made absolute against og:url), then og:url', () => {
  assert.equal(meta('<link rel="canonical" href="https://a.org/x"><meta property="og:url" content="https://b.org/y">').url, 'https://a.org/x');
  assert.equal(meta('<link rel="canonical" href="/news/1"><meta property="og:url" content="https://b.org/y">').url, 'https://b.org/news/1');
  assert.equal(meta('<meta property="og:url" content="https://b.org/y">').url, 'https://b.org/y');
  assert.equal(meta('<link rel="canonical" href="/news/1">').url, null);
});

test('outlet: og:site_name, then the JSON-LD publisher; language from <html lang>', () => {
  assert.equal(meta('<meta property="og:site_name" content="Al Jazeera">').outlet, 'Al Jazeera');
  assert.equal(meta(ld({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'Associated Press' } })).outlet, 'Associated Press');
  assert.equal(meta('').lang, 'en');
});

test('an author tag naming the outlet itself is no byline', () => {
  assert.equal(meta('<meta property="og:site_name" content="Mehr News Agency"><meta name="author" content="Mehr News Agency">').byline, null);
});
