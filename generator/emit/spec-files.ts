/**
 * A spec's own files: config/secret or operation/event types, precompiled validators, the spec
 * constant and the folder's index. They depend on the spec alone, so they are made where the spec
 * is loaded (a worker thread in a big run), from its plan.
 */
import type { LocalPlan } from '../plan/spec.js';
import type { ValidatorPlan } from '../plan/model.js';
import type { OutputFile } from './context.js';
import { artifactFlags, render, type EmitContext } from './context.js';
import { tsLiteral } from './escape.js';
import { schemaKey } from './schema-key.js';
import { standaloneValidators } from './standalone-validators.js';

export async function emitSpecFiles(plan: LocalPlan, context: EmitContext): Promise<OutputFile[]> {
  const { base, summary } = plan;
  const dir = summary.dir;
  const on = artifactFlags(context);
  const files: OutputFile[] = [];
  if (on.types) files.push({ path: `${dir}/types.ts`, content: await typesFile(plan, context) });
  if (on.validators) files.push(...validatorFiles(dir, plan.validators, base, context));
  if (on.spec) {
    const template = plan.kind === 'integration' ? 'integration/spec.ts' : 'capability/spec.ts';
    files.push({ path: `${dir}/spec.ts`, content: render(context, template, { ...base, title: summary.title, constName: summary.specConst, literal: tsLiteral(plan.literal) }) });
  }
  files.push({ path: `${dir}/index.ts`, content: render(context, plan.kind === 'integration' ? 'integration/index.ts' : 'capability/index.ts', { ...base, artifacts: on }) });
  return files;
}

async function typesFile(plan: LocalPlan, context: EmitContext): Promise<string> {
  if (plan.kind === 'integration') {
    const { detail } = plan;
    const [configTypes, secretTypes] = await Promise.all([context.types(plan.configSchema, detail.configType), context.types(plan.secretSchema, detail.secretsType)]);
    return render(context, 'integration/types.ts', { ...plan.base, configTypes, secretTypes });
  }
  // A schema used twice (a send and a lookup returning the same message) is declared once; the
  // second name is an alias, so the file does not repeat the whole declaration.
  const declared = new Map<string, string>();
  const typesFor = async (schema: object, typeName: string) => {
    const key = schemaKey(schema);
    const first = declared.get(key);
    if (first) return `export type ${typeName} = ${first};`;
    declared.set(key, typeName);
    return context.types(schema, typeName);
  };
  const operations = [];
  for (const op of plan.operations) operations.push({ ...op, inputTypes: await typesFor(op.input, op.inputType), outputTypes: await typesFor(op.output, op.outputType) });
  const events = [];
  for (const ev of plan.events) events.push({ ...ev, payloadTypes: await typesFor(ev.payload, ev.payloadType) });
  const { interfaceName, eventUnionName } = plan.summary;
  return render(context, 'capability/types.ts', { ...plan.base, interfaceName, eventUnionName, operations, events });
}

/** validate.ts (ajv's standalone code) and the typed wrappers: shared by integrations and capabilities. */
function validatorFiles(dir: string, validators: readonly ValidatorPlan[], base: { source: string; runtime: string }, context: EmitContext): OutputFile[] {
  const code = standaloneValidators(Object.fromEntries(validators.map((v) => [v.fn, v.schema])), context.validators);
  return [
    { path: `${dir}/validate.ts`, content: render(context, 'validate.ts', { ...base, code, ajvImport: `${context.runtimeImport}/ajv` }) },
    { path: `${dir}/validators.ts`, content: render(context, 'validators.ts', { ...base, validators }) },
  ];
}
