// The PostgreSQL schema: migrations applied once however many processes open the store together,
// a newer schema refused, and the text search the filters rely on.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { migrate, PG_MIGRATIONS, SchemaTooNew, TEXT_CONFIG } from './migrations.js';
import { pgDescribe, withSchemaClients } from './testing.js';

await pgDescribe('PostgreSQL schema', () => {
  it('applies each migration once, even when several processes open a new store together', async () => {
    await withSchemaClients(
      3,
      async (cs, t) => {
        const applied = await Promise.all(cs.map((c) => migrate(c, t.schema)));
        // One of them applied everything; the others, waiting on the lock, found nothing left.
        assert.deepEqual(applied.map((a) => a.length).sort(), [0, 0, PG_MIGRATIONS.length]);
        assert.deepEqual(await migrate(cs[0], t.schema), []);
        const { rows } = await cs[0].query('SELECT version FROM schema_migrations ORDER BY version');
        assert.deepEqual(rows.map((r) => r.version), PG_MIGRATIONS.map((m) => m.version));
      },
      { migrate: false },
    );
  });

  it('refuses a schema from a newer sitrep, leaving it as it was', async () => {
    await withSchemaClients(1, async ([c], t) => {
      await c.query(`INSERT INTO schema_migrations VALUES (999, 'future', 'x')`);
      await assert.rejects(migrate(c, t.schema), (e) => e instanceof SchemaTooNew && /schema version 999/.test(e.message));
      assert.equal((await c.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n, PG_MIGRATIONS.length + 1);
    });
  });

  it('searches English text by stem, with every word required (no stop words), accents folded when unaccent is there', async () => {
    await withSchemaClients(1, async ([c]) => {
      const match = async (text: string, query: string) =>
        (await c.query(`SELECT to_tsvector('${TEXT_CONFIG}', $1) @@ to_tsquery('${TEXT_CONFIG}', $2) AS m`, [text, query])).rows[0].m as boolean;
      assert.equal(await match('Thousands of supporters rallied in Sanaa', `'rally'`), true, 'stems');
      assert.equal(await match('Thousands of supporters rallied in Sanaa', `'rall':*`), true, 'prefixes');
      assert.equal(await match('Troops of the army moved', `'the' & 'army'`), true);
      assert.equal(await match('Troops moved', `'the' & 'troops'`), false, 'a stop word is a word like another');
      assert.equal(await match('Strike on Damascus', `'hit' <-> 'damascus'`), false);
      const unaccent = (await c.query(`SELECT 1 FROM pg_extension WHERE extname = 'unaccent'`)).rows.length > 0;
      if (unaccent) assert.equal(await match('Protest in Ṣanʿāʾ and Hodeïda', `'hodeida'`), true, 'accents folded');
    });
  });
});
