/**
 * emit: pure functions from the checked model to files. Each emitter prepares data; the layout is
 * in the templates. Output is sorted by path so it never depends on the order work finished in.
 */
import type { CheckedModel } from '../check/model.js';
import { emitCapability } from './capability.js';
import { emitClient } from './client.js';
import type { EmitContext, OutputFile } from './context.js';
import { emitCapabilityDocs, emitCatalog, emitIntegrationDocs } from './docs.js';
import { emitIntegration } from './integration.js';
import { emitRegistry } from './registry.js';

export async function emitAll(model: CheckedModel, context: EmitContext): Promise<OutputFile[]> {
  const on = (artifact: Parameters<EmitContext['artifacts']['has']>[0]) => context.artifacts.has(artifact);
  const perSpec = await Promise.all([
    ...model.capabilities.map(async (c) => [...(await emitCapability(c, context)), ...(on('docs') ? [emitCapabilityDocs(c, model, context)] : [])]),
    ...model.integrations.map(async (i) => [
      ...(await emitIntegration(i, context)),
      ...(on('clients') ? [emitClient(i, context)] : []),
      ...(on('docs') ? [emitIntegrationDocs(i, context)] : []),
    ]),
  ]);
  const files = [...perSpec.flat(), ...(on('registry') ? [emitRegistry(model, context)] : []), ...(on('docs') ? [emitCatalog(model, context)] : [])];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
