import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { boilerplateRule, classRules, furnitureName, textRules, wordCount } from './boilerplate.js';
import { preclean } from './html.js';
import { PACKAGE_URL } from '../paths.js';

test('every text rule drops its example and keeps its look-alike sentence', () => {
  for (const r of textRules()) {
    assert.ok(r.example, `${r.id} has no example`);
    assert.ok(wordCount(r.example) <= r.maxWords, `${r.id}: example longer than max_words`);
    assert.ok(r.re.test(r.example), `${r.id} should match: ${r.example}`);
    assert.notEqual(boilerplateRule(r.example), null, `${r.id}: should drop ${r.example}`);
    if (r.keep) assert.equal(boilerplateRule(r.keep), null, `${r.id} should keep: ${r.keep}`);
  }
});

test('no text rule drops a sentence of a real report', () => {
  const seed = readFileSync(new URL('examples/seed.txt', PACKAGE_URL), 'utf8');
  for (const s of seed.split(/(?<=[.!?”])\s+/)) assert.equal(boilerplateRule(s), null, s);
});

test('a paragraph longer than a rule allows is never dropped by it', () => {
  const filler = ' Fighters had moved through the tunnels under the market for weeks, residents said.';
  for (const r of textRules()) {
    let after = r.example;
    let before = r.example;
    while (wordCount(after) <= r.maxWords) (after += filler), (before = filler + ' ' + before);
    // Patterns anchored at both ends cannot match a longer paragraph anyway.
    for (const long of [after, before]) if (r.re.test(long)) assert.notEqual(boilerplateRule(long), r.id, r.id);
  }
});

test('every class word removes an element so named, unless it holds the article', () => {
  for (const { word, example } of classRules()) {
    assert.equal(furnitureName(example), word, example);
    const { document } = parseHTML(`<html><body><div class="${example}"><p>Furniture text</p></div><p>Article text.</p></body></html>`);
    preclean(document as unknown as Document);
    assert.doesNotMatch(document.body.textContent ?? '', /Furniture/, example);
  }
  const prose = '<p>' + 'The fighters advanced on the town from three directions overnight, residents said. '.repeat(3) + '</p>';
  const { document } = parseHTML(`<html><body><div class="social-enabled">${prose}${prose}</div></body></html>`);
  preclean(document as unknown as Document);
  assert.match(document.body.textContent ?? '', /fighters advanced/);
});

test('class words match whole parts of a name, not substrings', () => {
  assert.equal(furnitureName('relatedArticles'), 'related');
  assert.equal(furnitureName('c-share__bar'), 'share');
  assert.equal(furnitureName('read-more-box'), 'readmore');
  assert.equal(furnitureName('article-body shared-content'), null);
  assert.equal(furnitureName('header-ads'), 'ads');
  assert.equal(furnitureName('loaded'), null);
});
