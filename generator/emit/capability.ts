/** Code artifacts of one capability: operation and event types, the adapter interface, validators, the spec constant. */
import { camelCase, pascalCase } from '../check/identifiers.js';
import { artifactFlags, render, runtimeShimFrom, sourceLabel, type EmitCapability, type EmitContext, type OutputFile } from './context.js';
import { tsLiteral } from './escape.js';
import { validatorFiles, type ValidatorEntry } from './integration.js';
import { schemaToTypeScript } from './json-schema-types.js';

/** Type names of a capability's members, shared by the code and docs emitters. */
export function capabilityNames(capability: EmitCapability) {
  const { name, spec } = capability;
  return {
    interfaceName: `${name}Operations`,
    eventUnionName: `${name}Event`,
    operations: Object.entries(spec.operations ?? {}).map(([op, operation]) => ({
      name: op,
      operation,
      description: operation.description,
      idempotent: operation.idempotent,
      inputType: `${name}${pascalCase(op)}Input`,
      outputType: `${name}${pascalCase(op)}Output`,
      validator: `${camelCase(`${name}${pascalCase(op)}Input`)}Validator`,
    })),
    events: Object.entries(spec.events ?? {}).map(([event, definition]) => ({
      name: event,
      event: definition,
      payloadType: `${name}${pascalCase(event)}Event`,
    })),
  };
}

export async function emitCapability(capability: EmitCapability, context: EmitContext): Promise<OutputFile[]> {
  const { spec } = capability;
  const dir = `capabilities/${spec.meta.key}`;
  const base = { source: sourceLabel(context, capability.loaded.file), runtime: runtimeShimFrom(`${dir}/index.ts`), key: spec.meta.key, version: spec.meta.version };
  const names = capabilityNames(capability);
  const on = artifactFlags(context);
  const files: OutputFile[] = [];
  if (on.types) files.push(await capabilityTypes(capability, context, base, names));
  const validators: ValidatorEntry[] = [
    ...names.operations.flatMap((op) => [
      { name: op.validator, type: op.inputType, fn: `validate${pascalCase(op.name)}Input`, schema: op.operation.input },
      { name: `${camelCase(op.outputType)}Validator`, type: op.outputType, fn: `validate${pascalCase(op.name)}Output`, schema: op.operation.output },
    ]),
    ...names.events.map((ev) => ({ name: `${camelCase(ev.payloadType)}Validator`, type: ev.payloadType, fn: `validate${pascalCase(ev.name)}Event`, schema: ev.event.payload })),
  ];
  if (on.validators) files.push(...validatorFiles(dir, validators, base, context));
  if (on.spec) {
    files.push({
      path: `${dir}/spec.ts`,
      content: render(context, 'capability/spec.ts', { ...base, title: spec.meta.title, constName: `${camelCase(spec.meta.key)}Capability`, literal: tsLiteral(spec) }),
    });
  }
  files.push({ path: `${dir}/index.ts`, content: render(context, 'capability/index.ts', { ...base, artifacts: on }) });
  return files;
}

async function capabilityTypes(capability: EmitCapability, context: EmitContext, base: object, names: ReturnType<typeof capabilityNames>): Promise<OutputFile> {
  // A schema used twice (a send and a lookup returning the same message) is declared once; the
  // second name is an alias, so the file does not repeat the whole declaration.
  const declared = new Map<string, string>();
  const typesFor = async (schema: object, typeName: string) => {
    const key = JSON.stringify(schema);
    const first = declared.get(key);
    if (first) return `export type ${typeName} = ${first};`;
    declared.set(key, typeName);
    return schemaToTypeScript(schema, typeName);
  };
  const operations = [];
  for (const op of names.operations) {
    operations.push({ ...op, inputTypes: await typesFor(op.operation.input, op.inputType), outputTypes: await typesFor(op.operation.output, op.outputType) });
  }
  const events = [];
  for (const ev of names.events) events.push({ ...ev, description: ev.event.description, payloadTypes: await typesFor(ev.event.payload, ev.payloadType) });
  return { path: `capabilities/${capability.spec.meta.key}/types.ts`, content: render(context, 'capability/types.ts', { ...base, ...names, operations, events }) };
}
