// The SQLite store, by its old path: the implementation lives in ./sqlite/, one file per concern.
export { SqliteStore, type SqliteOptions } from './sqlite/store.js';
export { migrate, MIGRATIONS } from './sqlite/migrations.js';
export { ftsQuery } from './sqlite/filters.js';
