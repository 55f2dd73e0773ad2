/**
 * The `contractgen` command. Exit codes: 0 ok, 1 diagnostics or drift, 2 usage or internal error.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { displayPath } from '../report/format.js';
import { generate, type GenerateMode } from '../generate.js';
import { colorsFor } from './colors.js';
import { report } from './report.js';

interface CommonArgs {
  specs: string;
  out: string;
  templates: string[] | undefined;
  reporter: 'human' | 'json';
  quiet: boolean;
  timings: boolean;
  check?: boolean;
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const run = async (command: string, mode: GenerateMode, args: CommonArgs) => {
    const start = performance.now();
    const root = process.cwd();
    const result = await generate({ root, specs: args.specs, out: args.out, templates: args.templates, mode });
    const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');
    const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n');
    if (command === 'list' && args.reporter === 'human') {
      for (const spec of result.specs) out(`${spec.kind.padEnd(11)} ${`${spec.key}@${spec.version}`.padEnd(40)} ${displayPath(spec.file, root)}`);
    }
    report(result, { root, reporter: args.reporter, quiet: args.quiet, timings: args.timings, colors: colorsFor(process.stderr), command, elapsedMs: performance.now() - start }, out, err);
    exitCode = result.ok ? 0 : 1;
  };

  const parser = yargs(hideBin(['node', 'contractgen', ...argv]))
    .scriptName('contractgen')
    .usage('$0 [command] [options]')
    .option('specs', { type: 'string', default: 'specs', describe: 'Folder of spec files' })
    .option('out', { type: 'string', default: 'generated', describe: 'Output folder' })
    .option('templates', { type: 'string', array: true, describe: 'Folder(s) of template overrides' })
    .option('reporter', { choices: ['human', 'json'] as const, default: 'human' as const, describe: 'Output format' })
    .option('quiet', { type: 'boolean', default: false, describe: 'Print errors only' })
    .option('timings', { type: 'boolean', default: false, describe: "Print each stage's time" })
    .command(['generate', '$0'], 'Generate code and docs from the specs (default)', (y) => y.option('check', { type: 'boolean', default: false, describe: 'Write nothing; exit 1 if output is out of date' }), (args) =>
      run(args.check ? 'check' : 'generate', args.check ? 'check' : 'write', args as unknown as CommonArgs),
    )
    .command('check', 'Exit 1 listing drifted, missing and stale files if the output is not what the specs produce', {}, (args) => run('check', 'check', args as unknown as CommonArgs))
    .command('validate', 'Load and check the specs only', {}, (args) => run('validate', 'validate', args as unknown as CommonArgs))
    .command('list', 'List the specs', {}, (args) => run('list', 'validate', args as unknown as CommonArgs))
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
      process.stderr.write(`contractgen: ${error.message}\nRun \`contractgen --help\` for usage.\n`);
      return 2;
    }
    process.stderr.write(`contractgen: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
  return exitCode;
}

class UsageError extends Error {}
