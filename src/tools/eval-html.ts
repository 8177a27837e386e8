// Scores body-text extraction from HTML against gold plain text: token-level precision, recall and
// F1 (bags of lower-cased words) for Readability alone and for sitrep's normaliser, plus the time
// the normaliser takes per page, as found and padded to ~50 KB of markup.
//   node dist/tools/eval-html.js [dir]     (dir holds NAME.html + NAME.txt pairs; default test/html)
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readabilityOnly } from '../normalise/html.js';
import { normaliseWithInfo } from '../normalise/index.js';
import { PACKAGE_URL } from '../paths.js';
import { score, type Score } from '../eval/text.js';

/** The same page with more of what real pages carry around an article (scripts, menus, link lists). */
export function pad(html: string, bytes: number): string {
  let extra = '';
  let k = 0;
  while (html.length + extra.length < bytes) {
    extra += `<script>window.__cfg${k}={"section":"world","ads":[${'{"slot":"mpu","size":[300,250]},'.repeat(20)}{}]};</script>`;
    extra += `<div class="mega-menu">${Array.from({ length: 25 }, (_, j) => `<a href="/section/${k}/${j}">Section ${k}.${j}</a>`).join(' ')}</div>`;
    extra += `<div class="related-grid">${Array.from({ length: 6 }, (_, j) => `<div class="card"><a href="/story/${k}${j}"><h3>Story headline number ${k}${j} about the region</h3></a><p>2 hours ago</p></div>`).join('')}</div>`;
    k++;
  }
  return html.replace(/<\/body>/i, `${extra}</body>`);
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

function main() {
  const dir = process.argv[2] ?? fileURLToPath(new URL('test/html/', PACKAGE_URL));
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.html') && existsSync(join(dir, f.replace(/\.html$/, '.txt'))))
    .sort();
  if (!names.length) {
    process.stderr.write(`no NAME.html + NAME.txt pairs in ${dir}\n`);
    process.exitCode = 2;
    return;
  }
  const tot = { base: { tp: 0, np: 0, ng: 0 }, ours: { tp: 0, np: 0, ng: 0 } };
  const macro = { base: 0, ours: 0 };
  const add = (t: { tp: number; np: number; ng: number }, s: Score) => ((t.tp += s.tp), (t.np += s.np), (t.ng += s.ng));
  process.stdout.write(`${'page'.padEnd(30)}  readability alone (P / R / F1)   sitrep normaliser (P / R / F1)   method\n`);
  const pages: string[] = [];
  for (const f of names) {
    const html = readFileSync(join(dir, f), 'utf8');
    const gold = readFileSync(join(dir, f.replace(/\.html$/, '.txt')), 'utf8');
    pages.push(html);
    const base = score(readabilityOnly(html).join('\n\n'), gold);
    let ours: Score;
    let method = '';
    try {
      const r = normaliseWithInfo({ source: f, text: html, isHtml: true });
      ours = score(r.doc.text, gold);
      method = r.method;
    } catch (e) {
      ours = score('', gold);
      method = `error: ${(e as Error).message}`;
    }
    add(tot.base, base);
    add(tot.ours, ours);
    macro.base += base.f;
    macro.ours += ours.f;
    process.stdout.write(
      `${f.padEnd(30)}  ${pct(base.p)} ${pct(base.r)} ${pct(base.f)}              ${pct(ours.p)} ${pct(ours.r)} ${pct(ours.f)}             ${method}\n`,
    );
  }
  const micro = (t: { tp: number; np: number; ng: number }) => {
    const p = t.tp / t.np;
    const r = t.tp / t.ng;
    return `${pct(p)} ${pct(r)} ${pct((2 * p * r) / (p + r))}`;
  };
  process.stdout.write(`${'micro average'.padEnd(30)}  ${micro(tot.base)}              ${micro(tot.ours)}\n`);
  process.stdout.write(`${'macro F1'.padEnd(30)}  ${''.padEnd(12)}${pct(macro.base / names.length)}              ${''.padEnd(12)}${pct(macro.ours / names.length)}\n\n`);

  const time = (list: string[], rounds: number) => {
    for (const h of list) normaliseWithInfo({ source: 'warm-up', text: h, isHtml: true });
    const t0 = performance.now();
    for (let k = 0; k < rounds; k++) for (const h of list) normaliseWithInfo({ source: 'timing', text: h, isHtml: true });
    return (performance.now() - t0) / (rounds * list.length);
  };
  const kb = (list: string[]) => (list.reduce((a, h) => a + Buffer.byteLength(h), 0) / list.length / 1024).toFixed(1);
  const padded = pages.map((h) => pad(h, 50 * 1024));
  process.stdout.write(`normalisation time: ${time(pages, 20).toFixed(2)} ms/page at ${kb(pages)} KB average (the pages as written)\n`);
  process.stdout.write(`normalisation time: ${time(padded, 10).toFixed(2)} ms/page at ${kb(padded)} KB average (padded with scripts, menus and link grids)\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
