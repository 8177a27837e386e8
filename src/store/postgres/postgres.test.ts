// The store suite on PostgreSQL, plus what only PostgreSQL has: several writers at once.
import { storeSuite } from '../store-suite.js';
import { PgStore } from './store.js';
import { pgDescribe, tempSchema } from './testing.js';

await pgDescribe('PostgreSQL store', () => {
  storeSuite('PostgreSQL', async () => {
    const t = tempSchema();
    return { store: await PgStore.open(t.url), cleanup: t.cleanup };
  });
});
