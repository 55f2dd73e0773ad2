/** The root `index.ts`: every spec constant keyed `key@version`, and lookups over them. */
import type { RenderJob } from '../../plan/model.js';
import type { CheckedProject } from '../../plan/project.js';
import { runtimeShimFrom } from '../../plan/spec.js';

export function projectJobs(project: CheckedProject): RenderJob[] {
  const entry = (summary: { key: string; version: string; specConst: string }) => ({ key: summary.key, id: `${summary.key}@${summary.version}`, constName: summary.specConst });
  return [
    {
      path: 'index.ts',
      template: 'registry/index.ts',
      data: {
        source: 'every spec',
        runtime: runtimeShimFrom('index.ts'),
        integrations: project.integrations.map(entry),
        capabilities: project.capabilities.map(entry),
      },
    },
  ];
}
