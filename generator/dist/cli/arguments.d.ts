export type Reporter = 'human' | 'json';
/** A run command and what it does to the output folder. */
export declare const RUN_COMMANDS: {
    readonly generate: {
        readonly mode: 'write';
        readonly describe: 'Generate code and docs from the specs (default)';
    };
    readonly check: {
        readonly mode: 'check';
        readonly describe: 'Exit 1 listing drifted, missing and stale files if the output is not what the specs produce';
    };
    readonly validate: {
        readonly mode: 'validate';
        readonly describe: 'Load and check the specs only';
    };
    readonly list: {
        readonly mode: 'validate';
        readonly describe: 'List the specs';
    };
};
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
export declare const OPTIONS: {
    readonly specs: {
        readonly type: 'string';
        readonly describe: 'Folder of spec files (default: config, then specs)';
    };
    readonly out: {
        readonly type: 'string';
        readonly describe: 'Output folder (default: config, then generated)';
    };
    readonly templates: {
        readonly type: 'string';
        readonly array: true;
        readonly describe: 'Folder(s) of template overrides';
    };
    readonly config: {
        readonly type: 'string';
        readonly describe: 'Config file (default: contractgen.config.{ts,mjs,json} of the project)';
    };
    readonly reporter: {
        readonly type: 'string';
        readonly choices: readonly ["human", "json"];
        readonly default: 'human';
        readonly describe: 'Output format';
    };
    readonly quiet: {
        readonly type: 'boolean';
        readonly default: false;
        readonly describe: 'Print errors only';
    };
    readonly timings: {
        readonly type: 'boolean';
        readonly default: false;
        readonly describe: "Print each stage's time";
    };
    readonly cache: {
        readonly type: 'boolean';
        readonly default: true;
        readonly describe: 'Reuse unchanged work from the previous run (--no-cache: start from scratch)';
    };
    readonly workers: {
        readonly type: 'number';
        readonly describe: 'Worker threads for large runs (default: one per core when there are many specs to process; 0: none)';
    };
    readonly check: {
        readonly type: 'boolean';
        readonly generateOnly: true;
        readonly describe: 'Write nothing; exit 1 if output is out of date';
    };
    readonly watch: {
        readonly type: 'boolean';
        readonly generateOnly: true;
        readonly describe: 'Regenerate on every spec, template or adapter change';
    };
};
/**
 * The run arguments, or undefined when the fast parser does not take them (help, `new`, an unknown
 * or malformed option): yargs then parses them and reports whatever is wrong.
 */
export declare function parseRunArgs(argv: readonly string[]): RunArgs | undefined;
//# sourceMappingURL=arguments.d.ts.map