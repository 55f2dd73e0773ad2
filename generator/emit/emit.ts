/**
 * emit: pure functions from the checked model to files. Each emitter prepares data; the layout is
 * in the templates. Work is grouped in units (one per spec, plus the registry and catalog), each
 * with a fingerprint of everything its files are made from, so an unchanged unit can be reused.
 * Output is sorted by path so it never depends on the order work finished in.
 */
import { sha1 } from '../cache/store.js';
import type { CheckedModel, IntegrationModel } from '../check/model.js';
import { emitCapability } from './capability.js';
import { emitClient } from './client.js';
import { sourceLabel, type EmitContext, type OutputFile } from './context.js';
import { emitCapabilityDocs, emitCatalog, emitIntegrationDocs, providersOf } from './docs.js';
import { emitIntegration } from './integration.js';
import { emitRegistry } from './registry.js';

/** Output paths (and content hashes) of a unit from an earlier run with the same fingerprint, still intact on disk; undefined to emit it. */
export type ReuseUnit = (unit: string, fingerprint: string) => ReadonlyMap<string, string> | undefined;

/** Where emitted files go, as soon as each unit is done (so memory holds one unit's output at a time). */
export interface EmitSink {
  add(file: OutputFile): void;
  /** A reused unit's file: produced by this run too, and known to be on disk already (with this content hash). */
  keep(path: string, hash: string): void;
}

export type EmitUnits = Record<string, { fingerprint: string; paths: string[] }>;

/** Emits every unit into `sink` and returns each unit's fingerprint and paths (for the cache). */
export async function emitAll(model: CheckedModel, context: EmitContext, sink: EmitSink, reuse: ReuseUnit = () => undefined): Promise<EmitUnits> {
  const on = (artifact: Parameters<EmitContext['artifacts']['has']>[0]) => context.artifacts.has(artifact);
  const units: { key: string; fingerprint: string; emit: () => Promise<OutputFile[]> }[] = [
    ...model.capabilities.map((c) => ({
      key: `capability:${c.spec.meta.key}`,
      fingerprint: fingerprint({ spec: c.spec, source: c.loaded.source, file: sourceLabel(context, c.loaded.file), providers: providersOf(c, model).map((i) => i.spec.meta.key) }),
      emit: async () => [...(await emitCapability(c, context)), ...(on('docs') ? [emitCapabilityDocs(c, model, context)] : [])],
    })),
    ...model.integrations.map((i) => ({
      key: `integration:${i.spec.meta.key}`,
      fingerprint: integrationFingerprint(i, context),
      emit: async () => [...(await emitIntegration(i, context)), ...(on('clients') ? [emitClient(i, context)] : []), ...(on('docs') ? [emitIntegrationDocs(i, context)] : [])],
    })),
  ];
  const result: EmitUnits = {};
  // One unit at a time: memory stays bounded by one unit's output, not by the whole run's.
  for (const unit of units) {
    const reused = reuse(unit.key, unit.fingerprint);
    if (reused) {
      for (const [path, hash] of reused) sink.keep(path, hash);
      result[unit.key] = { fingerprint: unit.fingerprint, paths: [...reused.keys()] };
      continue;
    }
    const files = await unit.emit();
    for (const file of files) sink.add(file);
    result[unit.key] = { fingerprint: unit.fingerprint, paths: files.map((f) => f.path) };
  }
  // The registry and catalog read every spec: cheap, and always made afresh.
  if (on('registry')) sink.add(emitRegistry(model, context));
  if (on('docs')) sink.add(emitCatalog(model, context));
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

function fingerprint(data: unknown): string {
  return sha1(JSON.stringify(data));
}
