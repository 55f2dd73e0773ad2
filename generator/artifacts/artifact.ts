/**
 * What an artifact is: one kind of generated file (or set of files), in a folder of its own below
 * generator/artifacts/ that holds everything about it: its definition (`index.ts`: name, what it
 * needs, the module it adds to each spec folder), what it plans and emits (`files.ts`, loaded only
 * by a run that makes files), and its templates (`templates/`, overridable by name). The list of
 * artifacts is ./index.ts; the pipeline asks each for its files at three points of a run.
 */
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdapterBinding } from '../load/adapters.js';
import type { SpecKind } from '../load/model.js';
import type { EmitContext, OutputFile } from '../emit/render.js';
import type { CapabilitySummary, RenderJob } from '../plan/model.js';
import type { CheckedProject, ProjectSettings } from '../plan/project.js';
import type { IntegrationPlan, PlanSettings, SpecPlan } from '../plan/spec.js';
import { ARTIFACTS_DIR } from '../package.js';

export interface Artifact {
  /** Its name, which `artifacts` in the config switches it off by. */
  readonly name: string;
  /** What it generates (the config's documentation, and its messages). */
  readonly describe: string;
  /** Whether the config can switch it off (false: every project needs it). */
  readonly optional: boolean;
  /** Off unless the config switches it on (`artifacts: { backstage: true }`): for the artifacts few projects want. */
  readonly optIn?: boolean;
  /** Artifacts its files use: a config that switches one of them off but not this one is an error (CG160). */
  readonly needs: readonly string[];
  /** The module it adds to a spec's folder, which the folder's index.ts re-exports, for the kinds of spec it has one for. */
  readonly folderModule?: { readonly name: string; readonly typeOnly: boolean; readonly kinds: readonly SpecKind[] };
  /** Its built-in templates (`templatesBeside(import.meta.url)`): a user's template of the same name replaces one. */
  readonly templates: string;
  /** What it plans and emits. */
  readonly load: () => Promise<ArtifactFiles>;
}

/** What an integration's files are planned with once the capabilities it provides are known. */
export interface IntegrationFilesContext {
  readonly provides: readonly CapabilitySummary[];
  /** The adapter bound to the integration, if any. */
  readonly adapter: AdapterBinding | undefined;
  readonly settings: FilesSettings;
}

/** What naming and labelling an artifact's files depend on, besides the spec. */
export interface FilesSettings extends PlanSettings {
  /** Absolute output folder: local adapters are imported by a path relative to it. */
  readonly outDir: string;
  /** The runtime package: a test double imports its `/testing` subpath (not through the runtime shim, which production code loads). */
  readonly runtimeImport: string;
}

/**
 * The files of an artifact, at the points of a run where it can make them. Each is optional: an
 * artifact implements the ones it has files at.
 */
export interface ArtifactFiles {
  /** What it keeps of a spec (plain data) for its project files: the spec summary carries it, to the main thread and the cache. */
  readonly summarize?: (plan: SpecPlan) => unknown;
  /** A spec's own files, from the spec alone (made where the spec is loaded: a worker thread in a big run). */
  readonly specFiles?: (plan: SpecPlan, context: EmitContext) => OutputFile[] | Promise<OutputFile[]>;
  /** An integration's files that show the capabilities it provides, planned as render jobs. */
  readonly integrationJobs?: (plan: IntegrationPlan, context: IntegrationFilesContext) => RenderJob[];
  /** Files made from every spec, planned as render jobs over the summaries (each reused when its plan is unchanged). */
  readonly projectJobs?: (project: CheckedProject, settings: ProjectSettings) => RenderJob[];
}

/** The templates folder beside an artifact's definition: `artifacts/<folder>/templates` in the package (sources and compiled code alike). */
export function templatesBeside(moduleUrl: string): string {
  return join(ARTIFACTS_DIR, basename(dirname(fileURLToPath(moduleUrl))), 'templates');
}
