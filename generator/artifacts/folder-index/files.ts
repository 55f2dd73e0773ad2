/** `index.ts` of a spec's folder: one re-export per module the artifacts switched on put there (EmitContext.folderModules). */
import type { EmitContext, OutputFile } from '../../emit/render.js';
import { render } from '../../emit/render.js';
import type { SpecPlan } from '../../plan/spec.js';

export function specFiles(plan: SpecPlan, context: EmitContext): OutputFile[] {
  // `artifacts` (a flag per artifact) too, for template overrides that test one.
  const template = plan.kind === 'integration' ? 'integration/index.ts' : 'capability/index.ts';
  return [{ path: `${plan.summary.dir}/index.ts`, content: render(context, template, { ...plan.base, artifacts: context.artifacts, modules: context.folderModules[plan.kind] }) }];
}
