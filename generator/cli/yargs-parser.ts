/**
 * The full parser (yargs), built from the same table as the fast one: help, `new`, and every
 * argument the fast parser does not take, with yargs' own messages for whatever is wrong.
 */
import yargs, { type Options } from 'yargs';
import { GENERATOR_VERSION } from '../package.js';
import { OPTIONS, RUN_COMMANDS, type RunArgs, type RunCommand } from './arguments.js';

export interface NewArgs extends RunArgs {
  readonly key: string;
  readonly category?: string;
  readonly capability?: string[];
  readonly adapter: boolean;
  readonly http: boolean;
}

export type ParsedCommand = { readonly kind: 'run'; readonly args: RunArgs } | { readonly kind: 'new'; readonly args: NewArgs } | { readonly kind: 'done' };

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses `argv`; `done` when yargs handled it itself (help, version). Throws UsageError for bad arguments. */
export async function parseWithYargs(argv: readonly string[]): Promise<ParsedCommand> {
  let parsed: ParsedCommand = { kind: 'done' };
  const options = (generate: boolean): Record<string, Options> =>
    Object.fromEntries(Object.entries(OPTIONS).filter(([, spec]) => ('generateOnly' in spec) === generate)) as Record<string, Options>;
  const asRun = (command: RunCommand, args: object): void => {
    parsed = { kind: 'run', args: { ...(args as RunArgs), command } };
  };
  let parser = yargs([...argv])
    .scriptName('contractgen')
    .usage('$0 [command] [options]')
    .options(options(false))
    // No defaults on generate-only flags: yargs counts a defaulted option as given, and `conflicts` would reject every run.
    .command(['generate', '$0'], RUN_COMMANDS.generate.describe, (y) => y.options(options(true)).conflicts('check', 'watch'), (args) => asRun('generate', args));
  for (const command of ['check', 'validate', 'list'] as const) parser = parser.command(command, RUN_COMMANDS[command].describe, {}, (args) => asRun(command, args));
  await parser
    .command(
      'new <key>',
      'Scaffold a provider spec (and an adapter stub), then regenerate',
      (y) =>
        y
          .positional('key', { type: 'string', demandOption: true, describe: 'Integration key, e.g. sms.vonage' })
          .option('category', { type: 'string', describe: 'Integration category, e.g. sms' })
          .option('capability', { type: 'string', array: true, describe: 'Capability it provides: KEY[@VERSION] (repeatable)' })
          .option('adapter', { type: 'boolean', default: false, describe: 'Also write an adapter stub under the adapters folder' })
          .option('http', { type: 'boolean', default: false, describe: 'Bind the operations by spec: the spec gets an http section the runtime sends requests from' }),
      (args) => {
        parsed = { kind: 'new', args: args as unknown as NewArgs };
      },
    )
    .strict()
    .help()
    .version(GENERATOR_VERSION)
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    })
    .parseAsync();
  return parsed;
}
