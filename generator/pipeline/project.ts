/**
 * The project's files (made from every spec: the runtime shim, the capabilities' docs pages, the
 * catalog, the registry), as each artifact plans them, each rendered unless the cache holds it
 * with the same plan.
 */
import { artifactFlags, BUILT_IN_TEMPLATE_DIRS, enabledArtifacts, loadArtifacts } from '../artifacts/index.js';
import { sha1 } from '../values.js';
import { renderJob, TemplateSet } from '../emit/index.js';
import type { ResolvedOptions } from '../options.js';
import { GENERATOR_VERSION } from '../package.js';
import type { CheckedProject } from '../plan/project.js';

export interface ProjectFiles {
  /** Each file: rendered (`content`), or known to be on disk already with this hash. */
  readonly files: readonly ({ readonly path: string; readonly content: string; readonly hash?: undefined } | { readonly path: string; readonly content?: undefined; readonly hash: string })[];
  /** The fingerprint of each file's plan, for the next run's cache. */
  readonly fingerprints: Readonly<Record<string, string>>;
}

/** `reuse`: the hash of a file the previous run made from the same plan and that is still on disk, if any. */
export async function renderProject(project: CheckedProject, options: ResolvedOptions, reuse: (path: string, fingerprint: string) => string | undefined): Promise<ProjectFiles> {
  const enabled = enabledArtifacts(options.artifacts);
  const settings = { runtimeImport: options.runtimeImport, generatorVersion: GENERATOR_VERSION, artifacts: artifactFlags(enabled) };
  const jobs = (await loadArtifacts(enabled)).flatMap((artifact) => artifact.projectJobs?.(project, settings) ?? []);
  let templates: TemplateSet | undefined;
  const fingerprints: Record<string, string> = {};
  const files: ProjectFiles['files'][number][] = [];
  for (const job of jobs) {
    const fingerprint = sha1(`${job.template}\u0000${JSON.stringify(job.data)}`);
    fingerprints[job.path] = fingerprint;
    const hash = reuse(job.path, fingerprint);
    if (hash !== undefined) {
      files.push({ path: job.path, hash });
      continue;
    }
    templates ??= new TemplateSet([...BUILT_IN_TEMPLATE_DIRS, ...options.templates]);
    files.push({ path: job.path, content: renderJob(job, { templates }).content });
  }
  return { files, fingerprints };
}
