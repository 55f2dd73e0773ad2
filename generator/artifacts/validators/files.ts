/** `validate.ts` (ajv's standalone code) and `validators.ts` (the typed wrappers) of a spec's folder. */
import type { EmitContext, OutputFile } from '../../emit/render.js';
import { render } from '../../emit/render.js';
import { camelCase, pascalCase } from '../../plan/identifiers.js';
import type { SpecPlan } from '../../plan/spec.js';

/** A validator module entry: the ajv function and its typed wrapper. */
interface ValidatorPlan {
  /** Exported wrapper, e.g. `smsTwilioConfigValidator`. */
  readonly name: string;
  /** The type it checks, e.g. `SmsTwilioConfig`. */
  readonly type: string;
  /** The precompiled function in validate.ts, e.g. `validateConfig`. */
  readonly fn: string;
  readonly schema: object;
  /** Issues never quote values (a secret's). */
  readonly secret?: boolean;
}

export function specFiles(plan: SpecPlan, context: EmitContext): OutputFile[] {
  const validators = validatorsOf(plan);
  const { dir } = plan.summary;
  const code = context.validatorCode(Object.fromEntries(validators.map((v) => [v.fn, v.schema])));
  return [
    { path: `${dir}/validate.ts`, content: render(context, 'validate.ts', { ...plan.base, code, ajvImport: `${context.runtimeImport}/ajv` }) },
    { path: `${dir}/validators.ts`, content: render(context, 'validators.ts', { ...plan.base, validators }) },
  ];
}

function validatorsOf(plan: SpecPlan): ValidatorPlan[] {
  if (plan.kind === 'integration') {
    const { names, spec } = plan;
    return [
      { name: names.configValidator, type: names.configType, fn: 'validateConfig', schema: spec.configSchema.schema },
      { name: names.secretsValidator, type: names.secretsType, fn: 'validateSecrets', schema: spec.secretSchema.schema, secret: true },
    ];
  }
  const { spec, summary } = plan;
  return [
    ...summary.operations.flatMap((op) => {
      const { input, output } = spec.operations![op.name]!;
      return [
        { name: op.validator, type: op.inputType, fn: `validate${pascalCase(op.name)}Input`, schema: input },
        { name: `${camelCase(op.outputType)}Validator`, type: op.outputType, fn: `validate${pascalCase(op.name)}Output`, schema: output },
      ];
    }),
    ...summary.events.map((ev) => ({ name: `${camelCase(ev.payloadType)}Validator`, type: ev.payloadType, fn: `validate${pascalCase(ev.name)}Event`, schema: spec.events![ev.name]!.payload })),
  ];
}
