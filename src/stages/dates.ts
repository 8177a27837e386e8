import type { Doc, Stage } from '../doc.js';

export const dates: Stage = {
  name: 'dates',
  run(_doc: Doc) {},
};
