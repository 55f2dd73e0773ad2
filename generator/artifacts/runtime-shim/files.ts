import type { RenderJob } from '../../plan/model.js';
import type { CheckedProject, ProjectSettings } from '../../plan/project.js';
import { RUNTIME_SHIM_PATH } from '../../plan/spec.js';

export function projectJobs(_project: CheckedProject, settings: ProjectSettings): RenderJob[] {
  return [{ path: RUNTIME_SHIM_PATH, template: 'runtime.ts', data: { runtimeImport: settings.runtimeImport, generatorVersion: settings.generatorVersion } }];
}
