/** `spec.ts` of a spec's folder: the spec as data (credential-like secret examples masked). */
import { tsLiteral } from '../../emit/escape.js';
import type { EmitContext, OutputFile } from '../../emit/render.js';
import { render } from '../../emit/render.js';
import { redactSpec } from '../../plan/redact.js';
import type { SpecPlan } from '../../plan/spec.js';

export function specFiles(plan: SpecPlan, context: EmitContext): OutputFile[] {
  const { base, summary } = plan;
  const literal = plan.kind === 'integration' ? redactSpec(plan.spec) : plan.spec;
  const template = plan.kind === 'integration' ? 'integration/spec.ts' : 'capability/spec.ts';
  return [{ path: `${summary.dir}/spec.ts`, content: render(context, template, { ...base, title: summary.title, constName: summary.specConst, literal: tsLiteral(literal) }) }];
}
