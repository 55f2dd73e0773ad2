/**
 * The CLI's commands and options, declared once. Two parsers read this table: a fast one
 * (node:util parseArgs) for the everyday runs, and yargs for everything else (help, `new`, and any
 * argument the fast one does not accept, so every error message is yargs'). yargs costs about as
 * much to load as a no-op `contractgen check` takes to run, and a build step runs that a lot.
 */
import { parseArgs } from 'node:util';
/** A run command and what it does to the output folder. */
export const RUN_COMMANDS = {
    generate: { mode: 'write', describe: 'Generate code and docs from the specs (default)' },
    check: { mode: 'check', describe: 'Exit 1 listing drifted, missing and stale files if the output is not what the specs produce' },
    validate: { mode: 'validate', describe: 'Load and check the specs only' },
    list: { mode: 'validate', describe: 'List the specs' },
};
export const OPTIONS = {
    specs: { type: 'string', describe: 'Folder of spec files (default: config, then specs)' },
    out: { type: 'string', describe: 'Output folder (default: config, then generated)' },
    templates: { type: 'string', array: true, describe: 'Folder(s) of template overrides' },
    config: { type: 'string', describe: 'Config file (default: contractgen.config.{ts,mjs,json} of the project)' },
    reporter: { type: 'string', choices: ['human', 'json'], default: 'human', describe: 'Output format' },
    quiet: { type: 'boolean', default: false, describe: 'Print errors only' },
    timings: { type: 'boolean', default: false, describe: "Print each stage's time" },
    cache: { type: 'boolean', default: true, describe: 'Reuse unchanged work from the previous run (--no-cache: start from scratch)' },
    workers: { type: 'number', describe: 'Worker threads for large runs (default: one per core when there are many specs to process; 0: none)' },
    check: { type: 'boolean', generateOnly: true, describe: 'Write nothing; exit 1 if output is out of date' },
    watch: { type: 'boolean', generateOnly: true, describe: 'Regenerate on every spec, template or adapter change' },
};
/**
 * The run arguments, or undefined when the fast parser does not take them (help, `new`, an unknown
 * or malformed option): yargs then parses them and reports whatever is wrong.
 */
export function parseRunArgs(argv) {
    const [first] = argv;
    const named = first !== undefined && !first.startsWith('-');
    const command = named ? first : 'generate';
    if (!Object.hasOwn(RUN_COMMANDS, command))
        return undefined;
    const options = {};
    for (const [name, spec] of Object.entries(OPTIONS)) {
        if (spec.generateOnly && command !== 'generate')
            continue;
        options[name] = { type: spec.type === 'boolean' ? 'boolean' : 'string', ...(spec.array && { multiple: true }) };
        if (spec.type === 'boolean')
            options[`no-${name}`] = { type: 'boolean' };
    }
    let values;
    try {
        ({ values } = parseArgs({ args: named ? argv.slice(1) : [...argv], options, strict: true, allowPositionals: false }));
    }
    catch {
        return undefined;
    }
    const flag = (name, fallback) => (values[`no-${name}`] ? false : (values[name] ?? fallback));
    const reporter = values.reporter ?? OPTIONS.reporter.default;
    const workers = values.workers === undefined ? undefined : Number(values.workers);
    if (!OPTIONS.reporter.choices.includes(reporter))
        return undefined;
    if (workers !== undefined && !Number.isFinite(workers))
        return undefined;
    if (values.check && values.watch)
        return undefined;
    return {
        command: command,
        specs: values.specs,
        out: values.out,
        templates: values.templates,
        config: values.config,
        reporter: reporter,
        quiet: flag('quiet', OPTIONS.quiet.default),
        timings: flag('timings', OPTIONS.timings.default),
        cache: flag('cache', OPTIONS.cache.default),
        workers,
        check: values.check,
        watch: values.watch,
    };
}
//# sourceMappingURL=arguments.js.map