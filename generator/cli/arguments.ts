/**
 * The CLI's commands and options, declared once. Two parsers read this table: a fast one
 * (node:util parseArgs) for the everyday runs, and yargs for everything else (help, `new`, and any
 * argument the fast one does not accept, so every error message is yargs'). yargs costs about as
 * much to load as a no-op `contractgen check` takes to run, and a build step runs that a lot.
 */
import { parseArgs } from 'node:util';

export type Reporter = 'human' | 'json';

/** A run command and what it does to the output folder. */
export const RUN_COMMANDS = {
  generate: { mode: 'write', describe: 'Generate code and docs from the specs (default)' },
  check: { mode: 'check', describe: 'Exit 1 listing drifted, missing and stale files if the output is not what the specs produce' },
  validate: { mode: 'validate', describe: 'Load and check the specs only' },
  list: { mode: 'validate', describe: 'List the specs' },
} as const;

export type RunCommand = keyof typeof RUN_COMMANDS;

export interface RunArgs {
  readonly command: RunCommand;
  readonly specs?: string;
  readonly out?: string;
  readonly templates?: string[];
  readonly config?: string;
  readonly reporter: Reporter;
  readonly quiet: boolean;
  readonly timings: boolean;
  readonly cache: boolean;
  readonly workers?: number;
  readonly check?: boolean;
  readonly watch?: boolean;
}

interface OptionSpec {
  readonly type: 'string' | 'boolean' | 'number';
  readonly describe: string;
  readonly array?: true;
  readonly choices?: readonly string[];
  readonly default?: string | boolean;
  /** Only `generate` takes it. */
  readonly generateOnly?: true;
}

export const OPTIONS = {
  specs: { type: 'string', describe: 'Folder of spec files (default: config, then specs)' },
  out: { type: 'string', describe: 'Output folder (default: config, then generated)' },
  templates: { type: 'string', array: true, describe: 'Folder(s) of template overrides' },
  config: { type: 'string', describe: 'Config file (default: contractgen.config.{ts,mjs,json} of the project)' },
  reporter: { type: 'string', choices: ['human', 'json'], default: 'human', describe: 'Output format' },
  quiet: { type: 'boolean', default: false, describe: 'Print errors only' },
  timings: { type: 'boolean', default: false, describe: "Print each stage's time" },
  cache: { type: 'boolean', default: true, describe: 'Reuse unchanged work from the previous run (--no-cache: start from scratch)' },
  // The numbers are parallel/executor.ts's (MIN_WORK, MAX_WORKERS), which the CLI does not load to print help.
  workers: { type: 'number', describe: 'Worker threads for big runs (default: one fewer than the cores, up to 4, when 400 or more spec files must be processed; 0: none)' },
  check: { type: 'boolean', generateOnly: true, describe: 'Write nothing; exit 1 if output is out of date, like `contractgen check` (generate only)' },
  watch: { type: 'boolean', generateOnly: true, describe: 'Regenerate on every spec, template or adapter change (generate only)' },
} as const satisfies Record<string, OptionSpec>;

/**
 * The run arguments, or undefined when the fast parser does not take them (help, `new`, an unknown
 * or malformed option): yargs then parses them and reports whatever is wrong.
 */
export function parseRunArgs(argv: readonly string[]): RunArgs | undefined {
  const [first] = argv;
  const named = first !== undefined && !first.startsWith('-');
  const command: string = named ? first : 'generate';
  if (!Object.hasOwn(RUN_COMMANDS, command)) return undefined;
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(OPTIONS) as [string, OptionSpec][]) {
    if (spec.generateOnly && command !== 'generate') continue;
    options[name] = { type: spec.type === 'boolean' ? 'boolean' : 'string', ...(spec.array && { multiple: true }) };
    if (spec.type === 'boolean') options[`no-${name}`] = { type: 'boolean' };
  }
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({ args: named ? argv.slice(1) : [...argv], options, strict: true, allowPositionals: false }));
  } catch {
    return undefined;
  }
  const flag = (name: keyof typeof OPTIONS, fallback: boolean) => (values[`no-${name}`] ? false : ((values[name] as boolean | undefined) ?? fallback));
  const reporter = values.reporter ?? OPTIONS.reporter.default;
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (!OPTIONS.reporter.choices.includes(reporter as Reporter)) return undefined;
  if (workers !== undefined && !Number.isFinite(workers)) return undefined;
  if (values.check && values.watch) return undefined;
  return {
    command: command as RunCommand,
    specs: values.specs as string | undefined,
    out: values.out as string | undefined,
    templates: values.templates as string[] | undefined,
    config: values.config as string | undefined,
    reporter: reporter as Reporter,
    quiet: flag('quiet', OPTIONS.quiet.default),
    timings: flag('timings', OPTIONS.timings.default),
    cache: flag('cache', OPTIONS.cache.default),
    workers,
    check: values.check as boolean | undefined,
    watch: values.watch as boolean | undefined,
  };
}
