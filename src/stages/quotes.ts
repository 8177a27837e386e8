import type { Doc, Stage } from '../doc.js';

export const quotes: Stage = {
  name: 'quotes',
  run(_doc: Doc) {},
};
