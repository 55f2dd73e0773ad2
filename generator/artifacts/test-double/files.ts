/**
 * `test-double.ts` of an HTTP-bound integration's folder: `create<Name>TestDouble(options?)` on the
 * runtime's generic test double. Self-contained (the secret example and the output schemas it
 * samples are written into it), so it needs no artifact a config may switch off but the binding.
 */
import { tsLiteral } from '../../emit/escape.js';
import { planHttpBinding } from '../../plan/http-binding.js';
import type { RenderJob } from '../../plan/model.js';
import { redactSpec } from '../../plan/redact.js';
import { sourceLabel, type IntegrationPlan } from '../../plan/spec.js';
import type { IntegrationFilesContext } from '../artifact.js';
import { httpBindingConst } from '../http/names.js';

export function integrationJobs({ summary, spec }: IntegrationPlan, { provides, settings }: IntegrationFilesContext): RenderJob[] {
  const binding = planHttpBinding(spec, provides);
  if (!binding) return [];
  // Each served operation's output schema: fields no request gives are sampled from it.
  const outputs = Object.fromEntries(
    provides.flatMap((capability) => capability.operations.map((op) => [op.name, op.outputSchema] as const)).filter(([name]) => Object.hasOwn(binding.operations, name)),
  );
  return [
    {
      path: `${summary.dir}/test-double.ts`,
      template: 'integration/test-double.ts',
      data: {
        source: sourceLabel(settings, summary.file),
        testingImport: `${settings.runtimeImport}/testing`,
        key: summary.key,
        title: summary.title,
        name: summary.name,
        bindingConst: httpBindingConst(summary),
        // As the spec constant shows it: a credential-like example is masked.
        secretExample: tsLiteral(redactSpec(spec).secretSchema.example, '', true),
        outputs: tsLiteral(outputs, '', true),
      },
    },
  ];
}
