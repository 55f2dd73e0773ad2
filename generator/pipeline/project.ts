/**
 * The project step of a run, over every spec's summary: the cross-spec rules, the adapters bound,
 * the project plan, and its files rendered, each unless the cache holds it with the same plan.
 */
import { sha1 } from '../cache/index.js';
import { bindAdapters, checkProject } from '../check/index.js';
import { enabledArtifacts } from '../config/config.js';
import type { Diagnostic } from '../diagnostics.js';
import { renderJob, TemplateSet } from '../emit/index.js';
import type { AdapterBinding } from '../load/adapters.js';
import type { ProjectInputs } from '../load/discover.js';
import type { SpecSummary } from '../plan/model.js';
import { planProject, type CheckedProject } from '../plan/project.js';
import type { ResolvedOptions } from '../options.js';
import { DEFAULT_TEMPLATES_DIR, GENERATOR_VERSION } from '../package.js';

export interface ProjectOutcome {
  readonly project: CheckedProject;
  readonly diagnostics: readonly Diagnostic[];
  /** Each project file: rendered (`content`), or known to be on disk already with this hash. */
  readonly files: readonly ({ readonly path: string; readonly content: string; readonly hash?: undefined } | { readonly path: string; readonly content?: undefined; readonly hash: string })[];
  /** The fingerprint of each project file's plan, for the next run's cache. */
  readonly fingerprints: Readonly<Record<string, string>>;
}

export interface ProjectOptions {
  /** Render the files (false in validate mode, and once the run has failed). */
  readonly render: boolean;
  /** The hash of a file the previous run made from the same plan and that is still on disk, if any. */
  readonly reuse: (path: string, fingerprint: string) => string | undefined;
}

export async function buildProject(
  summaries: readonly SpecSummary[],
  broken: ReadonlySet<string>,
  adapters: readonly AdapterBinding[],
  options: ResolvedOptions,
  inputs: ProjectInputs,
  { render, reuse }: ProjectOptions,
): Promise<ProjectOutcome> {
  const checked = checkProject(summaries, broken, options.root);
  const bound = bindAdapters(checked.project, adapters);
  const diagnostics = [...checked.diagnostics, ...bound.diagnostics];
  if (!render) return { project: bound.project, diagnostics, files: [], fingerprints: {} };
  const jobs = planProject(bound.project, {
    root: options.root,
    packages: inputs.packages.map(({ name, dir }) => ({ name, dir })),
    artifacts: enabledArtifacts(options.artifacts),
    outDir: options.outDir,
    runtimeImport: options.runtimeImport,
    generatorVersion: GENERATOR_VERSION,
  });
  let templates: TemplateSet | undefined;
  const fingerprints: Record<string, string> = {};
  const files: ProjectOutcome['files'][number][] = [];
  for (const job of jobs) {
    const fingerprint = sha1(`${job.template}\u0000${JSON.stringify(job.data)}`);
    fingerprints[job.path] = fingerprint;
    const hash = reuse(job.path, fingerprint);
    if (hash !== undefined) {
      files.push({ path: job.path, hash });
      continue;
    }
    templates ??= new TemplateSet([DEFAULT_TEMPLATES_DIR, ...options.templateDirs]);
    files.push({ path: job.path, content: renderJob(job, { templates }).content });
  }
  return { project: bound.project, diagnostics, files, fingerprints };
}
