/**
 * The project options, declared once: each option's kind and default. What a user may write (in
 * `contractgen.config.{ts,mjs,json}` or to `generate()`), how it is checked and how it resolves all
 * follow from this table, so an option is added here and nowhere else (resolve.ts reads it).
 * Paths are relative to the project folder (the config file's).
 */
// Types only: the list of artifacts loads when a config switches one (configProblems), not at every start.
import type { ArtifactToggles } from '../artifacts/index.js';

/** How an option is written, checked and resolved. */
type Kind = 'folder' | 'optional folder' | 'folders' | 'string' | 'boolean' | 'packages' | 'artifacts';

export const OPTIONS = {
  /** Folder of spec files (default `specs`; it may be missing when `packages` bring specs, unless it is named). */
  specs: { kind: 'folder', default: 'specs' },
  /** Output folder (default `generated`). */
  out: { kind: 'folder', default: 'generated' },
  /** Folder of hand-written adapters bound to the generated clients (default `adapters`). */
  adapters: { kind: 'folder', default: 'adapters' },
  /** Folder(s) of template overrides: a file there replaces the built-in template or partial of the same name (later folders win). */
  templates: { kind: 'folders', default: [] },
  /** Where docs go (default `<out>/docs`). Reported file paths keep the `docs/` prefix either way. */
  docsOut: { kind: 'optional folder', default: undefined },
  /** Artifacts to switch off, e.g. `{ docs: false }` (what each needs is checked). */
  artifacts: { kind: 'artifacts', default: {} },
  /** Module generated code imports the runtime from (default `@contractgen/runtime`). */
  runtimeImport: { kind: 'string', default: '@contractgen/runtime' },
  /**
   * Installed spec packages, e.g. `['@contractgen/twilio']`: their capability and integration specs
   * load like local ones, and their adapters bind by package specifier.
   */
  packages: { kind: 'packages', default: [] },
  /**
   * Allow a run that finds no spec at all (default false). A run with no spec would remove every
   * generated file, which is almost always a mistyped or emptied specs folder, so it is an error
   * (CG108) unless this says that an empty project is meant.
   */
  allowEmpty: { kind: 'boolean', default: false },
} as const satisfies Record<string, { readonly kind: Kind; readonly default: unknown }>;

export type OptionName = keyof typeof OPTIONS;

/** What a user writes for an option of each kind. */
interface Written {
  folder: string;
  'optional folder': string;
  folders: string | readonly string[];
  string: string;
  boolean: boolean;
  packages: readonly string[];
  artifacts: ArtifactToggles;
}

/** What an option of each kind is once resolved: folders absolute (artifacts as written: the pipeline asks the list which are on). */
interface Resolved {
  folder: string;
  'optional folder': string | undefined;
  folders: readonly string[];
  string: string;
  boolean: boolean;
  packages: readonly string[];
  artifacts: ArtifactToggles;
}

/** The project options a config file (or `generate()`) may set; every one optional. */
export type ContractgenConfig = { readonly [K in keyof typeof OPTIONS]?: Written[(typeof OPTIONS)[K]['kind']] };

/** Every project option, resolved. */
export type ResolvedConfig = { readonly [K in keyof typeof OPTIONS]: Resolved[(typeof OPTIONS)[K]['kind']] };

/** Types a config file: `export default defineConfig({ out: 'src/generated' })`. */
export function defineConfig(config: ContractgenConfig): ContractgenConfig {
  return config;
}

/** An npm package name (scoped or not): what `packages` may list. */
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

const PROBLEM: { readonly [K in Kind]: (value: unknown, name: string) => string[] | Promise<string[]> } = {
  folder: nonEmptyString,
  'optional folder': nonEmptyString,
  string: nonEmptyString,
  folders: (value, name) =>
    typeof value === 'string' || (Array.isArray(value) && value.every((t) => typeof t === 'string')) ? [] : [`"${name}" must be a folder or a list of folders`],
  boolean: (value, name) => (typeof value === 'boolean' ? [] : [`"${name}" must be true or false`]),
  packages: (value, name) =>
    Array.isArray(value) && value.every((p) => typeof p === 'string' && PACKAGE_NAME.test(p)) ? [] : [`"${name}" must be a list of package names, e.g. ["@contractgen/twilio"]`],
  artifacts: async (value) => (await import('../artifacts/index.js')).artifactProblems(value),
};

function nonEmptyString(value: unknown, name: string): string[] {
  return typeof value === 'string' && value !== '' ? [] : [`"${name}" must be a non-empty string`];
}

/** Problems with a config value, as messages naming the option. */
export async function configProblems(config: unknown): Promise<string[]> {
  if (!config || typeof config !== 'object' || Array.isArray(config)) return ['the config must be an object'];
  const known = Object.keys(OPTIONS);
  const problems: string[] = [];
  for (const [name, value] of Object.entries(config)) {
    if (!Object.hasOwn(OPTIONS, name)) problems.push(`unknown option "${name}" (known: ${known.join(', ')})`);
    else if (value !== undefined) problems.push(...(await PROBLEM[OPTIONS[name as OptionName].kind](value, name)));
  }
  return problems;
}

/** An option's value resolved: `written` (already checked) or its default, paths against `root`. */
function resolveValue(kind: Kind, written: unknown, root: (path: string) => string): unknown {
  switch (kind) {
    case 'folder':
    case 'optional folder':
      return written === undefined ? undefined : root(written as string);
    case 'folders':
      return (typeof written === 'string' ? [written] : (written as readonly string[])).map(root);
    default:
      return written;
  }
}

/** Every option: the first of `sources` that sets it, else its default; paths resolved by `root`. */
export function resolveConfig(sources: readonly ContractgenConfig[], root: (path: string) => string): ResolvedConfig {
  const entries = Object.entries(OPTIONS).map(([name, option]) => {
    const written = sources.map((source) => source[name as OptionName]).find((value) => value !== undefined) ?? option.default;
    return [name, resolveValue(option.kind, written, root)];
  });
  return Object.fromEntries(entries) as ResolvedConfig;
}

