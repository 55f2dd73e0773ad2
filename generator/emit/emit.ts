/**
 * emit: pure functions from the checked model to files. Each emitter prepares data; the layout is
 * in the templates. Work is grouped in units (one per spec, plus the registry and catalog), each
 * with a fingerprint of everything its files are made from, so an unchanged unit can be reused.
 * Output is sorted by path so it never depends on the order work finished in.
 */
import { createHash } from 'node:crypto';
import type { CapabilityModel, CheckedModel, IntegrationModel } from '../check/model.js';
import { emitCapability } from './capability.js';
import { emitClient } from './client.js';
import { sourceLabel, type EmitContext, type OutputFile } from './context.js';
import { emitCapabilityDocs, emitCatalog, emitIntegrationDocs } from './docs.js';
import { emitIntegration } from './integration.js';
import { emitRegistry } from './registry.js';

/** Output paths of a unit from an earlier run with the same fingerprint, still intact on disk; undefined to emit it. */
export type ReuseUnit = (unit: string, fingerprint: string) => readonly string[] | undefined;

export interface EmitResult {
  /** Files emitted this run. */
  readonly files: OutputFile[];
  /** Paths of reused units' files: produced by this run too, but known to be on disk already. */
  readonly kept: string[];
  readonly units: Record<string, { fingerprint: string; paths: string[] }>;
}

export async function emitAll(model: CheckedModel, context: EmitContext, reuse: ReuseUnit = () => undefined): Promise<EmitResult> {
  const on = (artifact: Parameters<EmitContext['artifacts']['has']>[0]) => context.artifacts.has(artifact);
  const units: { key: string; fingerprint: string; emit: () => Promise<OutputFile[]> }[] = [
    ...model.capabilities.map((c) => ({
      key: `capability:${c.spec.meta.key}`,
      fingerprint: fingerprint({ spec: c.spec, source: c.loaded.source, file: sourceLabel(context, c.loaded.file), providers: providersOf(c, model) }),
      emit: async () => [...(await emitCapability(c, context)), ...(on('docs') ? [emitCapabilityDocs(c, model, context)] : [])],
    })),
    ...model.integrations.map((i) => ({
      key: `integration:${i.spec.meta.key}`,
      fingerprint: integrationFingerprint(i, context),
      emit: async () => [...(await emitIntegration(i, context)), ...(on('clients') ? [emitClient(i, context)] : []), ...(on('docs') ? [emitIntegrationDocs(i, context)] : [])],
    })),
  ];
  const result: EmitResult = { files: [], kept: [], units: {} };
  // One unit at a time: memory stays bounded by the output, not by every emitter's working set at once.
  for (const unit of units) {
    const reused = reuse(unit.key, unit.fingerprint);
    const paths = reused ? [...reused] : [];
    if (reused) result.kept.push(...reused);
    else {
      const files = await unit.emit();
      result.files.push(...files);
      paths.push(...files.map((f) => f.path));
    }
    result.units[unit.key] = { fingerprint: unit.fingerprint, paths };
  }
  // The registry and catalog read every spec: cheap, and always made afresh.
  if (on('registry')) result.files.push(emitRegistry(model, context));
  if (on('docs')) result.files.push(emitCatalog(model, context));
  result.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return result;
}

function integrationFingerprint(integration: IntegrationModel, context: EmitContext): string {
  return fingerprint({
    spec: integration.spec,
    source: integration.loaded.source,
    file: sourceLabel(context, integration.loaded.file),
    provides: integration.provides.map((c) => c.spec),
    adapter: integration.adapter && { file: sourceLabel(context, integration.adapter.file), exportName: integration.adapter.exportName },
  });
}

function providersOf(capability: CapabilityModel, model: CheckedModel): string[] {
  return model.integrations.filter((i) => i.provides.includes(capability)).map((i) => i.spec.meta.key);
}

function fingerprint(data: unknown): string {
  return createHash('sha1').update(JSON.stringify(data)).digest('hex');
}
