/** `http.ts` of an HTTP-bound integration's folder: its binding as the runtime reads it. */
import { tsLiteral } from '../../emit/escape.js';
import { planHttpBinding } from '../../plan/http-binding.js';
import type { RenderJob } from '../../plan/model.js';
import { runtimeShimFrom, sourceLabel, type IntegrationPlan } from '../../plan/spec.js';
import type { IntegrationFilesContext } from '../artifact.js';
import { httpBindingConst, httpBindingPath } from './names.js';

export function integrationJobs({ summary, spec }: IntegrationPlan, { provides, settings }: IntegrationFilesContext): RenderJob[] {
  const binding = planHttpBinding(spec, provides);
  if (!binding) return [];
  const path = httpBindingPath(summary);
  return [
    {
      path,
      template: 'integration/http.ts',
      data: {
        source: sourceLabel(settings, summary.file),
        runtime: runtimeShimFrom(path),
        key: summary.key,
        title: summary.title,
        constName: httpBindingConst(summary),
        // tsLiteral writes a `__proto__` key as a computed key: data, not the prototype.
        literal: tsLiteral(binding),
      },
    },
  ];
}
