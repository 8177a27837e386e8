import type { Doc, Stage } from '../doc.js';

export const entities: Stage = {
  name: 'entities',
  run(_doc: Doc) {},
};
