/**
 * `test-double.ts` of an HTTP-bound integration's folder: `create<Name>TestDouble(options?)` on the
 * runtime's generic test double. Self-contained (the secret example and the output schemas it
 * samples are written into it), so it needs no artifact a config may switch off but the binding.
 */
import { tsLiteral } from '../../emit/escape.js';
import { planHttpBinding } from '../../plan/http-binding.js';
import type { RenderJob } from '../../plan/model.js';
import { redactSpec } from '../../plan/redact.js';
import { sourceLabel, type IntegrationPlan, type SpecPlan } from '../../plan/spec.js';
import type { IntegrationFilesContext } from '../artifact.js';
import { httpBindingConst } from '../http/names.js';

/** What a capability's summary carries for test doubles: each operation's output schema. */
interface CapabilityOutputs {
  readonly outputs: Readonly<Record<string, object>>;
}

export function summarize(plan: SpecPlan): CapabilityOutputs | undefined {
  if (plan.kind !== 'capability') return undefined;
  return { outputs: Object.fromEntries(Object.entries(plan.spec.operations ?? {}).map(([name, operation]) => [name, operation.output])) };
}

export function integrationJobs({ summary, spec }: IntegrationPlan, { provides, settings }: IntegrationFilesContext): RenderJob[] {
  const binding = planHttpBinding(spec, provides);
  if (!binding) return [];
  // Each served operation's output schema: fields no request gives are sampled from it.
  const outputs = Object.fromEntries(
    provides.flatMap((capability) => Object.entries((capability.parts?.['test-double'] as CapabilityOutputs | undefined)?.outputs ?? {})).filter(([name]) => Object.hasOwn(binding.operations, name)),
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
        secretExample: tsLiteral(redactSpec(spec).secretSchema.example),
        outputs: tsLiteral(outputs),
      },
    },
  ];
}
