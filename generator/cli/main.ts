/**
 * The `contractgen` command. Exit codes: 0 ok, 1 diagnostics or drift, 2 usage or internal error.
 * Options come from `contractgen.config.{ts,mjs,json}` (found upward from the working directory)
 * and are overridden by flags.
 */
import { resolve } from 'node:path';
import { ConfigError } from '../config/error.js';
import { resolveOptions } from '../config/resolve.js';
import type { GenerateOptions, ResolvedOptions } from '../options.js';
import { displayPath } from '../fs/display-path.js';
import { parseRunArgs, RUN_COMMANDS, type RunArgs } from './arguments.js';
import { colorsFor } from './colors.js';
import { progressLine, type ProgressLine } from './progress.js';
import { INTERRUPTED } from '../pipeline/interrupt.js';
import { NOTHING_RUN, report, type RunReport } from './report.js';
import type { NewArgs } from './yargs-parser.js';

const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');
const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n');

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  /** The run's options: flags (relative to the working directory) over the project's config file, by the loader `generate()` uses too. */
  const project = (args: RunArgs, settings: GenerateOptions = {}, fresh = false) => {
    return resolveOptions(
      { ...settings, specs: args.specs && resolve(args.specs), out: args.out && resolve(args.out), templates: args.templates?.length ? args.templates.map((t) => resolve(t)) : undefined, config: args.config },
      { fresh },
    );
  };
  const print = (result: RunReport, command: string, args: RunArgs, root: string, elapsedMs: number) =>
    report(result, { root, reporter: args.reporter, quiet: args.quiet, timings: args.timings, colors: colorsFor(process.stderr), command, elapsedMs }, out, err);
  /** The progress line of a long run: on a terminal, with the human reporter, unless --quiet. */
  const progress = (args: RunArgs) => progressLine(process.stderr, args.reporter === 'human' && !args.quiet);

  const run = async (args: RunArgs) => {
    const start = performance.now();
    const command = args.check ? 'check' : args.command;
    const line = progress(args);
    const options = await project(args, { mode: args.watch ? 'write' : RUN_COMMANDS[command].mode, cache: args.cache, workers: args.workers, onProgress: line.update });
    if (args.watch) return watch(args, options, line);
    // The pipeline (ts-morph, ajv, json-schema-to-typescript) loads only when a command needs it, so --help stays instant.
    const { generateResolved } = await import('../generate.js');
    const stopListening = reportInterrupt(args, command, options.root, line);
    let result;
    try {
      result = await generateResolved(options);
    } finally {
      stopListening();
    }
    line.clear();
    if (command === 'list' && args.reporter === 'human') {
      for (const spec of result.specs) out(`${spec.kind.padEnd(11)} ${`${spec.key}@${spec.version}`.padEnd(40)} ${displayPath(spec.file, options.root)}`);
    }
    print(result, command, args, options.root, performance.now() - start);
    exitCode = result.diagnostics.some((d) => d.code === 'CG303') ? 130 : result.ok ? 0 : 1;
  };

  /**
   * Ctrl-C or SIGTERM during a run: the CLI reports CG303 and exits 130 at once. While the run
   * writes, its own listener (pipeline/interrupt.ts, called right after this one, in the same emit)
   * first removes what it staged and gives the locks back, so the exit waits one tick for it;
   * the run is not left to wind down, which under load took a second or more (the spec file in
   * hand went on to the end of its turn and its stages).
   */
  const reportInterrupt = (args: RunArgs, command: string, root: string, line: ProgressLine) => {
    // Synchronous (no module to load first): a busy machine must not delay the exit.
    const exit = () => {
      line.clear();
      print({ ...NOTHING_RUN, diagnostics: [INTERRUPTED] }, command, args, root, 0);
      process.exit(130);
    };
    const interrupted = (signal: NodeJS.Signals) => {
      if (process.listenerCount(signal) > 1) process.nextTick(exit);
      else exit();
    };
    process.on('SIGINT', interrupted);
    process.on('SIGTERM', interrupted);
    return () => {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
    };
  };

  /** Runs until interrupted; a broken spec prints its diagnostics and the next change tries again. */
  const watch = async (args: RunArgs, options: ResolvedOptions, line: ProgressLine) => {
    const { watchProject, WatchError } = await import('../watch.js');
    const watcher = watchProject(
      { options, extraPaths: options.configFile ? [options.configFile] : [], reload: () => project(args, { mode: 'write', cache: args.cache, workers: args.workers, onProgress: options.onProgress }, true) },
      (result, elapsedMs) => {
        line.clear();
        print(result, 'generate', args, options.root, elapsedMs);
      },
      (error) => {
        line.clear();
        // A config file saved with a mistake: reported like any diagnostic, and the next save tries again.
        if (error instanceof ConfigError) print({ ...NOTHING_RUN, diagnostics: [error.diagnostic] }, 'generate', args, options.root, 0);
        else if (error instanceof WatchError) err(`contractgen: ${error.message}`);
        else err(`contractgen: internal error: ${(error as Error).stack ?? String(error)}`);
      },
    );
    await watcher.ready;
    if (args.reporter === 'human') err('watching for changes (Ctrl-C to stop)');
    await new Promise<void>((resolve) => {
      const stop = () => void watcher.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  };

  const scaffold = async (args: NewArgs) => {
    const start = performance.now();
    const options = await project(args);
    const { askMissing } = await import('./prompt.js');
    const answers = await askMissing({ category: args.category, capability: args.capability });
    const { scaffoldProvider } = await import('../new/scaffold.js');
    const result = await scaffoldProvider(options, { key: args.key, category: answers.category, capabilities: answers.capability ?? [], adapter: args.adapter, http: args.http });
    const generation = result.generation ?? { ...NOTHING_RUN, ok: result.ok };
    print({ ...generation, diagnostics: result.diagnostics, created: result.written }, 'new', args, options.root, performance.now() - start);
    exitCode = result.ok ? 0 : result.usageError ? 2 : 1;
  };

  /** A config file that cannot be used (CG160): reported like any diagnostic, exit 2. */
  const configFailed = (error: ConfigError, args: RunArgs) => {
    const command = 'key' in args ? 'new' : args.check ? 'check' : args.command;
    print({ ...NOTHING_RUN, diagnostics: [error.diagnostic] }, command, args, process.cwd(), 0);
    return 2;
  };

  let args: RunArgs | undefined;
  try {
    const fast = parseRunArgs(argv);
    if (fast) await run((args = fast));
    else {
      const { parseWithYargs } = await import('./yargs-parser.js');
      const parsed = await parseWithYargs(argv);
      if (parsed.kind !== 'done') args = parsed.args;
      if (parsed.kind === 'run') await run(parsed.args);
      else if (parsed.kind === 'new') await scaffold(parsed.args);
    }
  } catch (error) {
    if (error instanceof ConfigError && args) return configFailed(error, args);
    if ((error as Error).name === 'UsageError') {
      err(`contractgen: ${(error as Error).message}\nRun \`contractgen --help\` for usage.`);
      return 2;
    }
    err(`contractgen: internal error: ${(error as Error).stack ?? String(error)}`);
    return 2;
  }
  return exitCode;
}

