// `npm run build` step: compiles the gazetteer sources into dist/gazetteer/gazetteer.json
// (generated on every fresh clone, never committed). See src/gazetteer/build.ts.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from '../gazetteer/build.js';
import { encode } from '../gazetteer/format.js';
import { GAZETTEER_FILE } from '../gazetteer/index.js';

const t0 = Date.now();
const g = build();
mkdirSync(dirname(GAZETTEER_FILE), { recursive: true });
const buf = encode(g);
writeFileSync(GAZETTEER_FILE, buf);
console.log(
  `gazetteer: ${g.names.length} entries, ${g.keys.length} names, ${(buf.length / 1e6).toFixed(1)} MB, ` +
    `admin1 join ${JSON.stringify(g.meta.stats.admin1Join)}, ${Date.now() - t0} ms → ${GAZETTEER_FILE}`,
);
