import type { Doc, Stage } from '../doc.js';

export const dateline: Stage = {
  name: 'dateline',
  run(_doc: Doc) {},
};
