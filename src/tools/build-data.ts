// `npm run build` step: stores the parsed value of every YAML file under data/ in
// dist/data/yaml.json, so that a process starts without parsing YAML (see src/data/read.ts).
import { writeFileSync } from 'node:fs';
import { FILES } from '../data/index.js';
import { compileYaml } from '../data/read.js';

const t0 = Date.now();
const names = Object.entries(FILES)
  .filter(([, spec]) => spec.format === 'yaml')
  .map(([name]) => name);
const { file, json } = compileYaml(names);
writeFileSync(file, json);
console.log(`data: ${names.length} YAML files, ${(json.length / 1e3).toFixed(0)} KB, ${Date.now() - t0} ms → ${file}`);
