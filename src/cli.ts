// The `sitrep` command line. Thin: parses options, reads input, calls the pipeline, prints.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { InputError, statFile } from './errors.js';
import { numericOption } from './options.js';
import { StoreError } from './store/errors.js';
import { MAX_INPUT_BYTES, type RawInput } from './normalise/index.js';
import { extract } from './pipeline.js';
import { DEFAULT_TIME_LIMIT_S, parseTimeLimit } from './budget.js';
import { jsonSchema } from './contract.js';
import { openInput, runBatch } from './batch.js';
import { parsePublishedOrThrow } from './published.js';
import { registerCorpusCommands } from './corpus-cli.js';
import { registerServeCommand } from './serve/cli.js';
import { registerWorkerCommand } from './queue/cli.js';
import { registerGazetteerCommand } from './gazetteer/cli.js';

/** Reads a file or standard input ("-") with the checks every input gets. */
export function readInput(path: string): Buffer {
  if (path === '-') return readFileSync(0);
  const st = statFile(path, 'is a directory, not a file (use `sitrep ingest` for folders)');
  if (st.size > MAX_INPUT_BYTES)
    throw new InputError(path, `too large: ${(st.size / 1048576).toFixed(1)} MB (limit ${MAX_INPUT_BYTES / 1048576} MB)`);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function looksLikeHtml(path: string, bytes: Buffer): boolean {
  if (/\.x?html?$/i.test(path)) return true;
  const head = bytes.subarray(0, 1024).toString('utf8').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(body|article|div|p)[\s>]/.test(head);
}

export function buildProgram(out: (s: string) => void = (s) => process.stdout.write(s)): Command {
  const program = new Command('sitrep')
    .description('Turns news reports about armed conflict into sourced, geolocated event data.')
    .option('--debug', 'print stack traces on errors')
    .exitOverride();

  program
    .command('extract')
    .description('read one article (text or HTML) and print its contract document as JSON')
    .argument('<file>', 'a file, or - for standard input')
    .option('--published <date>', 'publication date (ISO 8601); overrides what the input says')
    .option('--outlet <name>', 'the outlet that published it')
    .option('--url <url>', "the article's URL")
    .option('--title <title>', "the article's title")
    .option('--id <id>', 'an id for the article')
    .option('--html', 'treat the input as HTML (default: guessed from the name and content)')
    .option('--include-text', 'include the normalised text that offsets index into')
    .option('--jsonl', 'batch mode: one JSON object per input line, one document per output line')
    .addOption(numericOption('--workers <n>', 'worker threads for --jsonl (default: one per core)', undefined, { min: 1 }))
    .option('--pretty', 'indent the JSON')
    .option('--time-limit <seconds>', `seconds one article may take before it is rejected (0: no limit)`, String(DEFAULT_TIME_LIMIT_S))
    .action(async (file: string, o) => {
      const published = parsePublishedOrThrow(o.published);
      const timeLimit = parseTimeLimit(o.timeLimit);
      if (o.jsonl) {
        const { stream, source } = openInput(file);
        await runBatch(stream, source, {
          includeText: !!o.includeText,
          timeLimit,
          workers: o.workers,
          defaults: { published, outlet: o.outlet, url: o.url, title: o.title },
          out,
        });
        return;
      }
      const bytes = readInput(file);
      const input: RawInput = {
        source: file === '-' ? 'standard input' : file,
        bytes,
        isHtml: o.html || looksLikeHtml(file, bytes),
        id: o.id ?? (file === '-' ? 'stdin' : file),
        published,
        outlet: o.outlet,
        url: o.url,
        title: o.title,
      };
      const doc = extract(input, { includeText: !!o.includeText, timeLimit });
      out(JSON.stringify(doc, null, o.pretty ? 2 : undefined) + '\n');
    });

  program
    .command('schema')
    .description('print the JSON Schema of the extract document')
    .action(() => out(JSON.stringify(jsonSchema(), null, 2) + '\n'));

  program
    .command('eval')
    .description('score extraction against gold JSONL files (or folders of them), or against an ACLED export (--acled)')
    .argument('[gold...]', 'gold .jsonl files or folders')
    .option('--acled <file>', 'an ACLED export (CSV): score event type, sub-event type, actors, location, date and fatalities per note')
    .option('--country <list>', 'with --acled: only rows of these countries (names or ISO codes, comma-separated)')
    .option('--except-country <list>', 'with --acled: only rows of other countries')
    .option('--json', 'print scores as JSON')
    .option('--errors [fields]', 'list misses (gold: entities,places,quotes,events; ACLED: event_type,sub_event_type,actor1,actor2,location,date,fatalities)')
    .action(async (paths: string[], o) => {
      if (o.acled) {
        if (paths.length) throw new InputError(paths[0], 'give either gold files or --acled FILE, not both');
        const { readAcled, evaluateAcled, filterByCountry, FIELDS } = await import('./eval/acled.js');
        const { formatAcledTable, formatAcledErrors, acledJson } = await import('./eval/acled-report.js');
        let rows = readAcled(o.acled);
        if (o.country) rows = filterByCountry(rows, o.country);
        if (o.exceptCountry) rows = filterByCountry(rows, o.exceptCountry, true);
        if (rows.length === 0) throw new InputError(o.acled, 'no rows left after the country filter');
        const r = evaluateAcled(o.acled, rows);
        const fields = typeof o.errors === 'string' ? o.errors.split(',') : FIELDS;
        if (o.json) out(JSON.stringify(acledJson(r, !!o.errors, fields), null, 2) + '\n');
        else {
          if (o.errors) out(formatAcledErrors(r, fields));
          out(formatAcledTable(r));
        }
        return;
      }
      if (!paths.length) throw new InputError('sitrep eval', 'give gold .jsonl files or folders, or --acled FILE.csv');
      const { evaluate, formatTable, toJson } = await import('./eval/index.js');
      const r = evaluate(paths);
      if (o.errors) {
        const { formatErrors } = await import('./eval/errors.js');
        const fields = typeof o.errors === 'string' ? o.errors.split(',') : ['entities', 'places', 'quotes', 'events'];
        out(formatErrors(r, fields));
      }
      out(o.json ? JSON.stringify(toJson(r), null, 2) + '\n' : formatTable(r));
    });

  registerCorpusCommands(program, out);
  registerServeCommand(program, out);
  registerWorkerCommand(program, out, process.env.SITREP_DB || undefined);
  registerGazetteerCommand(program, out);
  return program;
}

/** Standard output was closed by the reader (`sitrep events | head`): the output stops there. */
class OutputClosed extends Error {}

export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  // A reader that stops early (head, a closed pager) closes the pipe: say so once, exit 2, and
  // stop writing rather than print a stack trace (EPIPE arrives as an 'error' event).
  let closed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    if (closed) return;
    closed = true;
    process.stderr.write('sitrep: standard output: closed before the output was complete\n');
    process.exitCode = 2;
  });
  const program = buildProgram((s) => {
    if (closed) throw new OutputClosed();
    process.stdout.write(s);
  });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof OutputClosed) return;
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    if (e instanceof InputError) {
      process.stderr.write(`sitrep: ${e.message}\n`);
      if (debug) process.stderr.write(`${e.stack}\n`);
      process.exitCode = 2;
      return;
    }
    if (e instanceof StoreError) {
      // The store's own faults (read-only, full disk, damaged, busy) are not bugs: a plain message.
      process.stderr.write(`sitrep: ${e.message}\n`);
      if (debug) process.stderr.write(`${(e.cause as Error | undefined)?.stack ?? e.stack}\n`);
      process.exitCode = ['invalid_filter', 'not_found', 'unavailable'].includes(e.code) ? 2 : 1;
      return;
    }
    process.stderr.write(`sitrep: internal error: ${(e as Error).message}\n`);
    if (debug) process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 1;
  }
}
