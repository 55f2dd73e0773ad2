/** The root index: every spec constant keyed `key@version`, with lookup by capability. */
import { camelCase } from '../check/identifiers.js';
import type { CheckedModel } from '../check/model.js';
import { render, type EmitContext, type OutputFile } from './context.js';

export function emitRegistry(model: CheckedModel, context: EmitContext): OutputFile {
  const entry = (spec: { meta: { key: string; version: string } }, suffix: string) => ({
    key: spec.meta.key,
    id: `${spec.meta.key}@${spec.meta.version}`,
    constName: `${camelCase(spec.meta.key)}${suffix}`,
  });
  return {
    path: 'index.ts',
    content: render(context, 'registry/index.ts', {
      source: 'every spec',
      runtimeImport: context.runtimeImport,
      integrations: model.integrations.map((i) => entry(i.spec, 'Spec')),
      capabilities: model.capabilities.map((c) => entry(c.spec, 'Capability')),
    }),
  };
}
