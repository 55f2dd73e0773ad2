/**
 * The `contractgen` command. Exit codes: 0 ok, 1 diagnostics or drift, 2 usage or internal error.
 * Options come from `contractgen.config.{ts,mjs,json}` (found upward from the working directory)
 * and are overridden by flags.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ConfigError } from '../config/find.js';
import { projectOptions, type ProjectOptions } from '../config/resolve.js';
import type { GenerateMode, GenerateResult } from '../generate.js';
import { displayPath, formatDiagnostic } from '../report/format.js';
import { colorsFor } from './colors.js';
import { askMissing } from './prompt.js';
import { report } from './report.js';

interface CommonArgs {
  specs?: string;
  out?: string;
  templates?: string[];
  config?: string;
  reporter: 'human' | 'json';
  quiet: boolean;
  timings: boolean;
  cache: boolean;
  workers?: number;
  check?: boolean;
  watch?: boolean;
}

const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');
const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n');

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const project = (args: CommonArgs, fresh = false) => projectOptions(process.cwd(), { specs: args.specs, out: args.out, templates: args.templates, config: args.config }, fresh);
  const print = (result: GenerateResult, command: string, args: CommonArgs, options: ProjectOptions, start: number) =>
    report(result, { root: options.root, reporter: args.reporter, quiet: args.quiet, timings: args.timings, colors: colorsFor(process.stderr), command, elapsedMs: performance.now() - start }, out, err);

  const run = async (command: string, mode: GenerateMode, args: CommonArgs) => {
    const start = performance.now();
    const options = await project(args);
    if (args.watch) return watch(args, options);
    // The pipeline (ts-morph, ajv, json-schema-to-typescript) loads only when a command needs it, so --help stays instant.
    const { generate } = await import('../generate.js');
    const result = await generate({ ...options, mode, cache: args.cache, workers: args.workers });
    if (command === 'list' && args.reporter === 'human') {
      for (const spec of result.specs) out(`${spec.kind.padEnd(11)} ${`${spec.key}@${spec.version}`.padEnd(40)} ${displayPath(spec.file, options.root)}`);
    }
    print(result, command, args, options, start);
    exitCode = result.ok ? 0 : 1;
  };

  /** Runs until interrupted; a broken spec prints its diagnostics and the next change tries again. */
  const watch = async (args: CommonArgs, options: ProjectOptions) => {
    let start = performance.now();
    const { watchProject } = await import('../watch.js');
    const watcher = watchProject(
      { ...options, cache: args.cache, extraPaths: options.configFile ? [options.configFile] : [], reload: () => project(args, true) },
      (result) => {
        print(result, 'generate', args, options, start);
        start = performance.now();
      },
      (error) => err(`contractgen: internal error: ${(error as Error).stack ?? String(error)}`),
    );
    await watcher.ready;
    if (args.reporter === 'human') err('watching for changes (Ctrl-C to stop)');
    await new Promise<void>((resolve) => {
      const stop = () => {
        watcher.close();
        resolve();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  };

  const scaffold = async (args: CommonArgs & { key: string; category?: string; capability?: string[]; adapter: boolean }) => {
    const options = await project(args);
    const answers = await askMissing({ category: args.category, capability: args.capability });
    const { scaffoldProvider } = await import('../new/scaffold.js');
    const result = await scaffoldProvider(options, { key: args.key, category: answers.category ?? '', capabilities: answers.capability ?? [], adapter: args.adapter });
    for (const diagnostic of result.diagnostics) if (diagnostic.severity === 'error' || !args.quiet) err(formatDiagnostic(diagnostic, { root: options.root, colors: colorsFor(process.stderr) }));
    for (const file of result.written) err(`created ${displayPath(file, options.root)}`);
    exitCode = result.ok ? 0 : 1;
  };

  const parser = yargs(hideBin(['node', 'contractgen', ...argv]))
    .scriptName('contractgen')
    .usage('$0 [command] [options]')
    .option('specs', { type: 'string', describe: 'Folder of spec files (default: config, then specs)' })
    .option('out', { type: 'string', describe: 'Output folder (default: config, then generated)' })
    .option('templates', { type: 'string', array: true, describe: 'Folder(s) of template overrides' })
    .option('config', { type: 'string', describe: 'Config file (default: contractgen.config.{ts,mjs,json} found upward)' })
    .option('reporter', { choices: ['human', 'json'] as const, default: 'human' as const, describe: 'Output format' })
    .option('quiet', { type: 'boolean', default: false, describe: 'Print errors only' })
    .option('timings', { type: 'boolean', default: false, describe: "Print each stage's time" })
    .option('cache', { type: 'boolean', default: true, describe: 'Reuse unchanged work from the previous run (--no-cache: start from scratch)' })
    .option('workers', { type: 'number', describe: 'Worker threads for large runs (default: one per core when there are many specs to process; 0: none)' })
    .command(
      ['generate', '$0'],
      'Generate code and docs from the specs (default)',
      (y) =>
        y
          // No defaults: yargs counts a defaulted option as given, and `conflicts` would reject every run.
          .option('check', { type: 'boolean', describe: 'Write nothing; exit 1 if output is out of date' })
          .option('watch', { type: 'boolean', describe: 'Regenerate on every spec, template or adapter change' })
          .conflicts('check', 'watch'),
      (args) => run(args.check ? 'check' : 'generate', args.check ? 'check' : 'write', args as unknown as CommonArgs),
    )
    .command('check', 'Exit 1 listing drifted, missing and stale files if the output is not what the specs produce', {}, (args) => run('check', 'check', args as unknown as CommonArgs))
    .command('validate', 'Load and check the specs only', {}, (args) => run('validate', 'validate', args as unknown as CommonArgs))
    .command('list', 'List the specs', {}, (args) => run('list', 'validate', args as unknown as CommonArgs))
    .command(
      'new <key>',
      'Scaffold a provider spec (and an adapter stub), then regenerate',
      (y) =>
        y
          .positional('key', { type: 'string', demandOption: true, describe: 'Integration key, e.g. sms.vonage' })
          .option('category', { type: 'string', describe: 'Integration category, e.g. sms' })
          .option('capability', { type: 'string', array: true, describe: 'Capability it provides: KEY[@VERSION] (repeatable)' })
          .option('adapter', { type: 'boolean', default: false, describe: 'Also write an adapter stub under the adapters folder' }),
      (args) => scaffold(args as never),
    )
    .strict()
    .help()
    .version(false)
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    if (error instanceof UsageError) {
      err(`contractgen: ${error.message}\nRun \`contractgen --help\` for usage.`);
      return 2;
    }
    if (error instanceof ConfigError) {
      const at = error.position ? `:${error.position.line}:${error.position.column}` : '';
      err(`${displayPath(error.file, process.cwd())}${at} - error CG160: ${error.message}`);
      return 2;
    }
    err(`contractgen: internal error: ${(error as Error).stack ?? String(error)}`);
    return 2;
  }
  return exitCode;
}

export class UsageError extends Error {}
