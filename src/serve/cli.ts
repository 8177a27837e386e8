// `sitrep serve`: wires the server into the command line.
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { numericOption } from '../options.js';
import { DEFAULT_DB, isPostgresUrl, openStore } from '../store/open.js';
import { buildDemoStore } from './demo.js';
import { listen } from './server.js';

function isLoopback(host: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i.test(host);
}

export function registerServeCommand(program: Command, out: (s: string) => void): void {
  program
    .command('serve')
    .description('serve the HTTP API (documented at /openapi.json) and the web UI over a corpus store')
    .option('--db <store>', 'the store to serve: a SQLite file or a postgres:// URL (several servers may share one); default $SITREP_DB or sitrep.db', DEFAULT_DB)
    .addOption(numericOption('--port <n>', 'port to listen on (0: any free one)', 8080))
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--demo', 'ingest the example corpus (examples/) into a temporary store and serve that')
    .option('--allow-host <name>', 'also answer requests for this host name (repeat for several; loopback names and IP addresses always)', (v: string, all: string[]) => [...all, v], [] as string[])
    .addOption(numericOption('--readers <n>', 'worker threads that answer reads (0: the main thread)', Math.min(4, availableParallelism())))
    .addHelpText(
      'after',
      '\nPOST /api/ingest writes to the store; it is enabled only when SITREP_TOKEN is set, and then needs\n"Authorization: Bearer $SITREP_TOKEN".',
    )
    .action(async (o: { db: string; port: number; host: string; demo?: boolean; readers: number; allowHost: string[] }) => {
      const p = o.port;
      const readers = o.readers;
      const token = process.env.SITREP_TOKEN || null;
      let db = o.db;
      let cleanup = () => {};
      if (o.demo) {
        process.stderr.write('sitrep serve: ingesting the examples into a temporary store…\n');
        const demo = await buildDemoStore();
        db = demo.db;
        cleanup = demo.cleanup;
        const r = demo.report;
        process.stderr.write(`sitrep serve: demo store: ${r.new + r.revision} articles, ${r.events} events (${r.rejected} rejected)\n`);
      } else if (!isPostgresUrl(db) && !existsSync(db)) throw new InputError(`--db ${db}`, 'no such database (run `sitrep ingest` first, or try `sitrep serve --demo`)');
      const store = await openStore(db, { readonly: !token && !o.demo });
      let running;
      try {
        // The name it listens on is a name it is addressed by.
        const allowHosts = isIP(o.host) ? o.allowHost : [...o.allowHost, o.host];
        running = await listen({ store, token, port: p, host: o.host, readers: readers ? { db, count: readers } : undefined, allowHosts });
      } catch (e) {
        await store.close();
        cleanup();
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new InputError(`--port ${p}`, 'already in use (choose another, or --port 0 for any free one)');
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new InputError(`--host ${o.host}`, 'not an address of this machine');
        throw e;
      }
      out(`sitrep serve: ${running.url}/ (API: ${running.url}/api/events, OpenAPI: ${running.url}/openapi.json)\n`);
      process.stderr.write(`sitrep serve: ingest over HTTP is ${token ? 'enabled (bearer token from SITREP_TOKEN)' : 'disabled (SITREP_TOKEN is not set)'}\n`);
      if (!isLoopback(o.host)) process.stderr.write(`sitrep serve: listening on ${o.host}, not only on this machine\n`);
      // The first signal closes the server and the store; a second one stops at once (still
      // removing the demo's temporary store).
      let stopping = false;
      let stop = () => {};
      const onSignal = () => {
        if (stopping) {
          cleanup();
          process.exit(130);
        }
        stopping = true;
        stop();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      await new Promise<void>((resolve) => (stop = resolve));
      try {
        await running.close();
        await store.close();
      } finally {
        cleanup();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}
