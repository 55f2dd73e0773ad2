/**
 * `contractgen new`: scaffolds a provider spec (and optionally an adapter stub) that passes
 * `validate` and compiles, then regenerates. It never overwrites a file.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { closest } from '../spec-rules/findings.js';
import { versionSatisfies } from '@contractgen/runtime';
import { INTEGRATION_CATEGORIES } from '../spec-rules/model-schema.js';
import { KEY_PATTERN, SEMVER_PATTERN } from '../spec-rules/rules.js';
import { camelCase } from '../plan/identifiers.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { TemplateSet } from '../emit/templates.js';
import { DEFAULT_TEMPLATES_DIR } from '../package.js';
import { generateResolved, type GenerateResult } from '../generate.js';
import { SPEC_MODULE, type ResolvedOptions } from '../options.js';
import { discoverInputs } from '../load/discover.js';
import { loadSpecs } from '../load/load.js';
import { ModuleGraph } from '../load/modules.js';
import type { InputBoundary } from '../fs/input-boundary.js';
import type { CapabilitySpec } from '@contractgen/runtime/spec';
import { httpOperations } from './http-section.js';
import { Profiler } from '../profiler.js';

export interface NewProviderRequest {
  readonly key: string;
  /** Undefined when not given (and not answered on a terminal). */
  readonly category: string | undefined;
  /** `key` or `key@version`; the version defaults to the capability spec's own. */
  readonly capabilities: readonly string[];
  readonly adapter: boolean;
  /** Bind the operations by spec: the spec gets an `http` section (http-section.ts). */
  readonly http: boolean;
}

export interface NewProviderResult {
  readonly ok: boolean;
  /** The request itself was incomplete (a required flag missing): a usage error, exit 2. */
  readonly usageError?: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** Files written, absolute. */
  readonly written: readonly string[];
  readonly generation?: GenerateResult;
}

/**
 * `new`'s own diagnostic codes (README "Diagnostic codes"): they are about the command's
 * arguments and the files it would write, not about a spec or a spec package.
 */
const NEW_CODES = {
  /** A required flag is missing (and no terminal was there to ask for it). */
  missingFlag: 'CG170',
  /** The key given is not a valid integration key. */
  badKey: 'CG171',
  /** A flag names a category or capability (version) that does not exist. */
  unknownValue: 'CG172',
  /** The key is taken, or a file it would write exists. */
  exists: 'CG173',
} as const;
type NewCode = (typeof NEW_CODES)[keyof typeof NEW_CODES];

export async function scaffoldProvider(project: ResolvedOptions, request: NewProviderRequest): Promise<NewProviderResult> {
  const fail = (code: NewCode, message: string, hint?: string, file?: string): NewProviderResult => ({ ok: false, written: [], diagnostics: [{ code, severity: 'error', message, hint, file }] });
  // Every problem of the arguments at once: a user should not fix them one run at a time.
  const problems: Diagnostic[] = [];
  const problem = (code: NewCode, message: string, hint: string) => problems.push({ code, severity: 'error', message, hint });
  const categories = `one of ${INTEGRATION_CATEGORIES.join(', ')}`;
  const { category } = request;
  if (!KEY_PATTERN.test(request.key)) problem(NEW_CODES.badKey, `"${request.key}" is not a valid key`, 'lower-case words joined by "." or "-", e.g. "sms.vonage"');
  // Missing flags are asked for on a terminal (cli/prompt.ts); here there was none, or no answer.
  if (category === undefined) problem(NEW_CODES.missingFlag, '--category is required', categories);
  else if (!(INTEGRATION_CATEGORIES as readonly string[]).includes(category)) {
    const suggestion = closest(category, INTEGRATION_CATEGORIES);
    problem(NEW_CODES.unknownValue, `unknown category "${category}"`, suggestion ? `did you mean "${suggestion}"?` : categories);
  }
  if (request.capabilities.length === 0) problem(NEW_CODES.missingFlag, '--capability is required', 'name each capability it provides: --capability KEY[@VERSION] (repeatable)');
  if (problems.length > 0 || category === undefined) return { ok: false, usageError: problems.some((p) => p.code === NEW_CODES.missingFlag), written: [], diagnostics: problems };

  const resolved: ResolvedOptions = { ...project, mode: 'validate' };
  const { runPipeline } = await import('../pipeline/index.js');
  const inputs = discoverInputs(resolved);
  const checked = await runPipeline(resolved, inputs, undefined, '', new Profiler());
  const { diagnostics } = checked.result;
  const model = checked.project;
  if (!model || diagnostics.some((d) => d.severity === 'error')) return { ok: false, written: [], diagnostics };
  if (model.integrations.some((i) => i.key === request.key)) return fail(NEW_CODES.exists, `an integration with key "${request.key}" already exists`);

  const provides = [];
  for (const ref of request.capabilities) {
    const [key, version] = ref.split('@') as [string, string | undefined];
    const capability = model.capabilities.find((c) => c.key === key);
    if (!capability) {
      const suggestion = closest(key, model.capabilities.map((c) => c.key));
      return fail(NEW_CODES.unknownValue, `unknown capability "${key}"`, suggestion ? `did you mean "${suggestion}"?` : 'write its defineCapability spec first');
    }
    if (version !== undefined && !SEMVER_PATTERN.test(version)) return fail(NEW_CODES.unknownValue, `"${version}" is not a semantic version`);
    if (version !== undefined && !versionSatisfies(capability.version, version)) {
      return fail(NEW_CODES.unknownValue, `${key}@${version} is not available: the capability spec is version ${capability.version}`, 'same major version and not newer than the spec');
    }
    provides.push({ capability, key, version: version ?? capability.version });
  }

  const templates = new TemplateSet([DEFAULT_TEMPLATES_DIR, ...project.templates]);
  const title = request.key.split(/[.-]/).map((w) => w[0]!.toUpperCase() + w.slice(1)).reverse().join(' ');
  // One file name for the spec and its adapter: the key with its dots as dashes (sms.acme -> sms-acme.ts).
  const fileName = `${request.key.replace(/\./g, '-')}.ts`;
  const specFile = join(project.specs, 'integrations', fileName);
  const files: [string, string][] = [
    [
      specFile,
      templates.render('new/integration-spec.ts', {
        specImport: SPEC_MODULE,
        constName: `${camelCase(request.key)}Spec`,
        key: request.key,
        category,
        title,
        description: `TODO: describe what ${title} does for us.`,
        domain: category,
        setup: `TODO: how to create ${title} credentials and where to paste them.`,
        capabilities: provides.map((p) => ({ key: p.key, version: p.version })),
        // With an adapter too, its probeHealth is the health check: the section has no health request.
        http: request.http && { operations: httpOperations(capabilitySpecs(provides.map((p) => p.capability), inputs.boundary)), health: !request.adapter },
      }),
    ],
  ];
  if (request.adapter) {
    const adapterFile = join(project.adapters, fileName);
    const toGenerated = relative(dirname(adapterFile), project.out).split(sep).join('/');
    const names = provides.map((p) => p.capability);
    const events = names.filter((n) => n.events.length > 0);
    const operationTypes = [...names.filter((n) => n.operations.length).map((n) => n.interfaceName), ...(events.length ? [`WebhookReceiver<${events.map((e) => e.eventUnionName).join(' | ')}>`] : [])];
    files.push([
      adapterFile,
      templates.render('new/adapter.ts', {
        runtimeImport: resolved.runtimeImport,
        key: request.key,
        adapterName: `${camelCase(request.key)}Adapter`,
        operationsType: operationTypes.join(' & ') || '{}',
        imports: names
          .map((n) => ({ path: `${toGenerated.startsWith('.') ? toGenerated : `./${toGenerated}`}/capabilities/${n.key}/types.js`, names: [...(n.operations.length ? [n.interfaceName] : []), ...(n.events.length ? [n.eventUnionName] : [])].join(', ') }))
          .filter((i) => i.names),
        // With an http section the binding serves the operations: the stub overrides none.
        operations: request.http ? [] : names.flatMap((n) => n.operations.map((op) => ({ name: op.name }))),
        example: names.flatMap((n) => n.operations.map((op) => op.name))[0],
        http: request.http,
        notImplemented: !request.http || events.length > 0,
        events: events.map((e) => e.eventUnionName),
      }),
    ]);
  }
  const existing = files.map(([file]) => file).filter((file) => existsSync(file));
  if (existing.length > 0) return fail(NEW_CODES.exists, `refusing to overwrite ${existing.map((f) => relative(project.root, f)).join(', ')}`, 'choose another key or move the file away', existing[0]);
  for (const [file, content] of files) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content, { flag: 'wx' });
  }
  const generation = await generateResolved({ ...project, mode: 'write' });
  return { ok: generation.ok, diagnostics: generation.diagnostics, written: files.map(([file]) => file), generation };
}

/** The capability specs themselves (their operations' schemas), read from their files like any spec (a package's included: the run's boundary). */
function capabilitySpecs(capabilities: readonly { readonly key: string; readonly file: string }[], boundary: InputBoundary): CapabilitySpec[] {
  const loaded = loadSpecs([...new Set(capabilities.map((c) => c.file))], new ModuleGraph(boundary)).specs;
  return capabilities.map((c) => loaded.find((spec) => spec.kind === 'capability' && (spec.value as CapabilitySpec).meta.key === c.key)!.value as CapabilitySpec);
}
