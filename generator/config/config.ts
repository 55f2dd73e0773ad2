/**
 * `contractgen.config.{ts,mjs,json}`: project settings, so a build step runs bare `contractgen`.
 * Paths in it are relative to the config file's folder, which is the project root.
 */

/** The generated artifacts that can be switched off. */
export interface ArtifactToggles {
  /** Config/secret types and capability operation types (`types.ts`). */
  readonly types?: boolean;
  /** Precompiled validators (`validators.ts`, `validate.js`); need types. */
  readonly validators?: boolean;
  /** Spec constants (`spec.ts`). */
  readonly spec?: boolean;
  /** Typed clients and health checks (`client.ts`); need types, validators and spec. */
  readonly clients?: boolean;
  /** Markdown docs and the catalog. */
  readonly docs?: boolean;
  /** The root registry (`index.ts`); needs spec. */
  readonly registry?: boolean;
}

export type Artifact = keyof ArtifactToggles;
export const ARTIFACTS: readonly Artifact[] = ['types', 'validators', 'spec', 'clients', 'docs', 'registry'];
const NEEDS: Readonly<Record<Artifact, readonly Artifact[]>> = {
  types: [],
  validators: ['types'],
  spec: [],
  clients: ['types', 'validators', 'spec'],
  docs: [],
  registry: ['spec'],
};

export interface ContractgenConfig {
  /** Folder of spec files (default `specs`). */
  readonly specs?: string;
  /** Output folder (default `generated`). */
  readonly out?: string;
  /** Folder of hand-written adapters (default `adapters`). */
  readonly adapters?: string;
  /** Folder(s) of template overrides: a file there replaces the built-in template or partial of the same name. */
  readonly templates?: string | readonly string[];
  /** Where docs go (default `<out>/docs`). */
  readonly docsOut?: string;
  readonly artifacts?: ArtifactToggles;
  /** Module generated code imports the runtime from (default `@contractgen/runtime`). */
  readonly runtimeImport?: string;
  /**
   * Installed spec packages, e.g. `['@contractgen/twilio']`: their capability and integration specs
   * load like local ones, and their adapters bind by package specifier.
   */
  readonly packages?: readonly string[];
  /**
   * Allow a run that finds no spec at all (default false). A run with no spec would remove every
   * generated file, which is almost always a mistyped or emptied specs folder, so it is an error
   * (CG108) unless this says that an empty project is meant.
   */
  readonly allowEmpty?: boolean;
}

/** An npm package name (scoped or not): what `packages` may list. */
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/** Types a config file: `export default defineConfig({ out: 'src/generated' })`. */
export function defineConfig(config: ContractgenConfig): ContractgenConfig {
  return config;
}

const KNOWN_KEYS = ['specs', 'out', 'adapters', 'templates', 'docsOut', 'artifacts', 'runtimeImport', 'packages', 'allowEmpty'];

/** Problems with a config value, as messages naming the field. */
export function configProblems(config: unknown): string[] {
  if (!config || typeof config !== 'object' || Array.isArray(config)) return ['the config must be an object'];
  const problems: string[] = [];
  const record = config as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!KNOWN_KEYS.includes(key)) problems.push(`unknown option "${key}" (known: ${KNOWN_KEYS.join(', ')})`);
  for (const key of ['specs', 'out', 'adapters', 'docsOut', 'runtimeImport']) {
    if (record[key] !== undefined && (typeof record[key] !== 'string' || record[key] === '')) problems.push(`"${key}" must be a non-empty string`);
  }
  const templates = record.templates;
  if (templates !== undefined && typeof templates !== 'string' && !(Array.isArray(templates) && templates.every((t) => typeof t === 'string'))) {
    problems.push('"templates" must be a folder or a list of folders');
  }
  const packages = record.packages;
  if (packages !== undefined && !(Array.isArray(packages) && packages.every((p) => typeof p === 'string' && PACKAGE_NAME.test(p)))) {
    problems.push('"packages" must be a list of package names, e.g. ["@contractgen/twilio"]');
  }
  if (record.allowEmpty !== undefined && typeof record.allowEmpty !== 'boolean') problems.push('"allowEmpty" must be true or false');
  if (record.artifacts !== undefined) problems.push(...artifactProblems(record.artifacts));
  return problems;
}

function artifactProblems(artifacts: unknown): string[] {
  if (!artifacts || typeof artifacts !== 'object') return ['"artifacts" must be an object of booleans'];
  const problems: string[] = [];
  for (const [name, on] of Object.entries(artifacts)) {
    if (!ARTIFACTS.includes(name as Artifact)) problems.push(`unknown artifact "${name}" (known: ${ARTIFACTS.join(', ')})`);
    else if (typeof on !== 'boolean') problems.push(`artifacts.${name} must be true or false`);
  }
  const enabled = enabledArtifacts(artifacts as ArtifactToggles);
  for (const artifact of enabled) {
    for (const needed of NEEDS[artifact]) if (!enabled.has(needed)) problems.push(`artifacts.${artifact} needs artifacts.${needed}`);
  }
  return problems;
}

export function enabledArtifacts(toggles: ArtifactToggles = {}): Set<Artifact> {
  return new Set(ARTIFACTS.filter((a) => toggles[a] !== false));
}
