import type { Doc, Stage } from '../doc.js';

export const places: Stage = {
  name: 'places',
  run(_doc: Doc) {},
};
