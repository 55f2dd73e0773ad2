/**
 * Every artifact contractgen generates, each defined in its folder here (artifact.ts says what a
 * folder holds). This list is their order: the order each spec's and the project's files are made
 * in, and the order of the config's `artifacts` names. Adding an artifact is adding its folder and
 * its line below (test/artifacts.test.ts fails for a folder that is not listed); the config's
 * switches, the checks of what each needs, the template folders and each spec folder's index all
 * follow from the list.
 */
import type { FolderModule } from '../emit/render.js';
import type { SpecKind } from '../load/model.js';
import { DEFAULT_TEMPLATES_DIR } from '../package.js';
import type { Artifact, ArtifactFiles } from './artifact.js';
import { backstage } from './backstage/index.js';
import { catalogJson } from './catalog-json/index.js';
import { clients } from './clients/index.js';
import { docs } from './docs/index.js';
import { folderIndex } from './folder-index/index.js';
import { http } from './http/index.js';
import { registry } from './registry/index.js';
import { runtimeShim } from './runtime-shim/index.js';
import { specConstant } from './spec-constant/index.js';
import { testDouble } from './test-double/index.js';
import { types } from './types/index.js';
import { validators } from './validators/index.js';

export const ARTIFACTS = [runtimeShim, types, validators, specConstant, folderIndex, http, clients, testDouble, docs, catalogJson, backstage, registry] as const satisfies readonly Artifact[];

export type ArtifactName = (typeof ARTIFACTS)[number]['name'];
/** The artifacts a config can switch off. */
type OptionalArtifact = Extract<(typeof ARTIFACTS)[number], { readonly optional: true }>['name'];

/** The generated artifacts that can be switched (each is on unless set to false, an opt-in one off unless set to true); what each is: README, "What it generates". */
export type ArtifactToggles = { readonly [K in OptionalArtifact]?: boolean };

const OPTIONAL: readonly string[] = ARTIFACTS.filter((a) => a.optional).map((a) => a.name);

/** The artifacts a run generates, by name, in list order: every one the toggles do not switch off, and the opt-in ones they switch on. */
export function enabledArtifacts(toggles: ArtifactToggles = {}): ArtifactName[] {
  const toggle = (name: string) => (toggles as Record<string, unknown>)[name];
  return ARTIFACTS.filter((a) => !a.optional || ('optIn' in a && a.optIn ? toggle(a.name) === true : toggle(a.name) !== false)).map((a) => a.name);
}

/** Problems with an `artifacts` value: unknown names, values that are not booleans, an artifact on without one it needs. */
export function artifactProblems(toggles: unknown): string[] {
  if (!toggles || typeof toggles !== 'object') return ['"artifacts" must be an object of booleans'];
  const problems: string[] = [];
  for (const [name, on] of Object.entries(toggles)) {
    if (!OPTIONAL.includes(name)) problems.push(`unknown artifact "${name}" (known: ${OPTIONAL.join(', ')})`);
    else if (typeof on !== 'boolean') problems.push(`artifacts.${name} must be true or false`);
  }
  const enabled = new Set<string>(enabledArtifacts(toggles as ArtifactToggles));
  for (const artifact of ARTIFACTS) {
    if (!enabled.has(artifact.name)) continue;
    for (const needed of artifact.needs) if (!enabled.has(needed)) problems.push(`artifacts.${artifact.name} needs artifacts.${needed}`);
  }
  return problems;
}

/** Where built-in templates are found by name: the shared partials (and `new`'s), then each artifact's. */
export const BUILT_IN_TEMPLATE_DIRS: readonly string[] = [DEFAULT_TEMPLATES_DIR, ...ARTIFACTS.map((a) => a.templates)];

/** Every artifact by name, and whether it is generated: what templates test (`{{#if artifacts.clients}}`). */
export function artifactFlags(enabled: readonly string[]): Record<ArtifactName, boolean> {
  return Object.fromEntries(ARTIFACTS.map((a) => [a.name, enabled.includes(a.name)])) as Record<ArtifactName, boolean>;
}

/** The modules the artifacts switched on put in each kind of spec folder, by file name: what its index.ts re-exports. */
export function folderModules(enabled: readonly string[]): Record<SpecKind, FolderModule[]> {
  const of = (kind: SpecKind) =>
    ARTIFACTS.flatMap((a) => ('folderModule' in a && enabled.includes(a.name) && (a.folderModule.kinds as readonly SpecKind[]).includes(kind) ? [{ name: a.folderModule.name, typeOnly: a.folderModule.typeOnly }] : [])).sort(
      (x, y) => (x.name < y.name ? -1 : 1),
    );
  return { integration: of('integration'), capability: of('capability') };
}

/** The files of each artifact switched on, in list order (their code loads now: only a run that makes files needs it). */
export async function loadArtifacts(enabled: readonly string[]): Promise<(ArtifactFiles & { readonly name: string })[]> {
  const on = ARTIFACTS.filter((a) => enabled.includes(a.name));
  return Promise.all(on.map(async (a) => ({ name: a.name, ...(await a.load()) })));
}
