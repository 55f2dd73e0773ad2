/** `types.ts` of a spec's folder: the TypeScript types of its schemas, with their descriptions as doc comments. */
import type { EmitContext, OutputFile } from '../../emit/render.js';
import { render } from '../../emit/render.js';
import { schemaKey } from '../../emit/schema-key.js';
import type { SpecPlan } from '../../plan/spec.js';

export async function specFiles(plan: SpecPlan, context: EmitContext): Promise<OutputFile[]> {
  return [{ path: `${plan.summary.dir}/types.ts`, content: await typesFile(plan, context) }];
}

async function typesFile(plan: SpecPlan, context: EmitContext): Promise<string> {
  if (plan.kind === 'integration') {
    const { names, spec } = plan;
    const key = spec.meta.key;
    const withDescription = (schema: object, fallback: string) => ({ description: fallback, ...schema });
    const [configTypes, secretTypes] = await Promise.all([
      context.types(withDescription(spec.configSchema.schema, `Configuration of ${key} (configSchema).`), names.configType),
      context.types(withDescription(spec.secretSchema.schema, `Secrets of ${key} (secretSchema).`), names.secretsType),
    ]);
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
  const { spec, summary } = plan;
  const operations = [];
  for (const op of summary.operations) {
    const { input, output } = spec.operations![op.name]!;
    operations.push({ ...op, input, output, inputTypes: await typesFor(input, op.inputType), outputTypes: await typesFor(output, op.outputType) });
  }
  const events = [];
  for (const ev of summary.events) {
    const { payload } = spec.events![ev.name]!;
    events.push({ ...ev, payload, payloadTypes: await typesFor(payload, ev.payloadType) });
  }
  return render(context, 'capability/types.ts', { ...plan.base, interfaceName: summary.interfaceName, eventUnionName: summary.eventUnionName, operations, events });
}
