/**
 * emit: pure functions from the checked model to files. Each emitter prepares data; the layout is
 * in the templates. Work is grouped in units (one per spec, plus the registry and catalog), each
 * plain data with a fingerprint of everything its files are made from, so an unchanged unit can be
 * reused and a changed one can be emitted on any thread. Output is sorted by path later, so it
 * never depends on the order work finished in.
 */
import { sha1 } from '../cache/store.js';
import type { CheckedModel } from '../check/model.js';
import { emitCapability } from './capability.js';
import { emitClient } from './client.js';
import { sourceLabel, type EmitCapability, type EmitContext, type EmitIntegration, type OutputFile } from './context.js';
import { emitCapabilityDocs, emitCatalog, emitIntegrationDocs, providersOf } from './docs.js';
import { emitIntegration } from './integration.js';
import { emitRegistry, emitRuntimeShim } from './registry.js';

/** Output paths (and content hashes) of a unit from an earlier run with the same fingerprint, still intact on disk; undefined to emit it. */
export type ReuseUnit = (unit: string, fingerprint: string) => ReadonlyMap<string, string> | undefined;

/** Where emitted files go, as soon as each unit is done (so memory holds a few units' output at a time). */
export interface EmitSink {
  add(file: OutputFile): void;
  /** A reused unit's file: produced by this run too, and known to be on disk already (with this content hash). */
  keep(path: string, hash: string): void;
}

export type EmitUnits = Record<string, { fingerprint: string; paths: string[] }>;

/** One spec's files to emit: plain data, so it can cross to a worker thread (generator/parallel). */
export type EmitUnit =
  | { readonly kind: 'capability'; readonly key: string; readonly capability: EmitCapability; readonly providers: readonly string[] }
  | { readonly kind: 'integration'; readonly key: string; readonly integration: EmitIntegration };

/** Emits a unit somewhere: in this thread (`emitUnit`) or in a worker pool. */
export type UnitEmitter = (unit: EmitUnit) => Promise<OutputFile[]>;

export interface EmitAllOptions {
  readonly reuse?: ReuseUnit;
  /**
   * Where the units that must be emitted go, told how many there are (so a caller can start a
   * worker pool only for a big run), and how many may be in flight at once. Default: this thread, one at a time.
   */
  readonly emitterFor?: (units: number) => { emitter: UnitEmitter; concurrency: number } | undefined;
}

/** Emits every unit into `sink` and returns each unit's fingerprint and paths (for the cache). */
export async function emitAll(model: CheckedModel, context: EmitContext, sink: EmitSink, options: EmitAllOptions = {}): Promise<EmitUnits> {
  const { reuse = () => undefined } = options;
  const result: EmitUnits = {};
  const fresh: { unit: EmitUnit; fingerprint: string }[] = [];
  const specHash = memoizedSpecHash();
  for (const unit of planUnits(model)) {
    const fingerprint = unitFingerprint(unit, context, specHash);
    const reused = reuse(unit.key, fingerprint);
    if (!reused) {
      fresh.push({ unit, fingerprint });
      continue;
    }
    for (const [path, hash] of reused) sink.keep(path, hash);
    result[unit.key] = { fingerprint, paths: [...reused.keys()] };
  }
  const { emitter, concurrency } = options.emitterFor?.(fresh.length) ?? { emitter: (unit: EmitUnit) => emitUnit(unit, context), concurrency: 1 };
  // A bounded window of units in flight, drained in unit order: memory holds a few units' output
  // at a time, and the sink sees the same order however the work is spread.
  const window: { key: string; fingerprint: string; files: Promise<OutputFile[]> }[] = [];
  const drain = async () => {
    const { key, fingerprint, files } = window.shift()!;
    const done = await files;
    for (const file of done) sink.add(file);
    result[key] = { fingerprint, paths: done.map((f) => f.path) };
    // A turn of the event loop between units: emitting in this thread otherwise awaits only
    // settled promises, and Ctrl-C's handler (which stops the run) would wait for the whole emit.
    await new Promise((resolve) => setImmediate(resolve));
  };
  try {
    for (const { unit, fingerprint } of fresh) {
      window.push({ key: unit.key, fingerprint, files: emitter(unit) });
      if (window.length >= concurrency) await drain();
    }
    while (window.length > 0) await drain();
  } finally {
    // A failed unit: the others still in flight must not surface as unhandled rejections.
    for (const pending of window) pending.files.catch(() => undefined);
  }
  // The registry and catalog read every spec: cheap, and always made afresh.
  sink.add(emitRuntimeShim(context));
  if (context.artifacts.has('registry')) sink.add(emitRegistry(model, context));
  if (context.artifacts.has('docs')) sink.add(emitCatalog(model, context));
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The per-spec units of a model: capabilities first, then integrations, each sorted by key. */
export function planUnits(model: CheckedModel): EmitUnit[] {
  const origin = (loaded: { file: string; source: string }) => ({ file: loaded.file, source: loaded.source });
  const capability = (c: CheckedModel['capabilities'][number]): EmitCapability => ({ spec: c.spec, name: c.name, loaded: origin(c.loaded) });
  return [
    ...model.capabilities.map((c): EmitUnit => ({ kind: 'capability', key: `capability:${c.spec.meta.key}`, capability: capability(c), providers: providersOf(c, model).map((i) => i.spec.meta.key) })),
    ...model.integrations.map((i): EmitUnit => ({
      kind: 'integration',
      key: `integration:${i.spec.meta.key}`,
      integration: { spec: i.spec, name: i.name, loaded: origin(i.loaded), provides: i.provides.map(capability), ...(i.adapter ? { adapter: i.adapter } : {}) },
    })),
  ];
}

/** The files of one unit. Pure: the same unit and context give the same files on any thread. */
export async function emitUnit(unit: EmitUnit, context: EmitContext): Promise<OutputFile[]> {
  const docs = context.artifacts.has('docs');
  if (unit.kind === 'capability') {
    return [...(await emitCapability(unit.capability, context)), ...(docs ? [emitCapabilityDocs(unit.capability, unit.providers, context)] : [])];
  }
  const { integration } = unit;
  return [...(await emitIntegration(integration, context)), ...(context.artifacts.has('clients') ? [emitClient(integration, context)] : []), ...(docs ? [emitIntegrationDocs(integration, context)] : [])];
}

/** The schemas a unit compiles validators for (so a worker can be handed their code). */
export function unitSchemas(unit: EmitUnit): object[] {
  if (unit.kind === 'integration') return [unit.integration.spec.configSchema.schema, unit.integration.spec.secretSchema.schema];
  const { operations = {}, events = {} } = unit.capability.spec;
  return [...Object.values(operations).flatMap((op) => [op.input, op.output]), ...Object.values(events).map((ev) => ev.payload)];
}

/** Hashes each spec object once: every integration's fingerprint includes the capabilities it provides. */
function memoizedSpecHash(): (spec: object) => string {
  const known = new Map<object, string>();
  return (spec) => {
    let hash = known.get(spec);
    if (hash === undefined) known.set(spec, (hash = fingerprint(spec)));
    return hash;
  };
}

function unitFingerprint(unit: EmitUnit, context: EmitContext, specHash: (spec: object) => string): string {
  if (unit.kind === 'capability') {
    const { capability } = unit;
    return fingerprint({ spec: specHash(capability.spec), source: capability.loaded.source, file: sourceLabel(context, capability.loaded.file), providers: unit.providers });
  }
  const { integration } = unit;
  return fingerprint({
    spec: integration.spec,
    source: integration.loaded.source,
    file: sourceLabel(context, integration.loaded.file),
    provides: integration.provides.map((c) => specHash(c.spec)),
    adapter: integration.adapter && { file: sourceLabel(context, integration.adapter.file), exportName: integration.adapter.exportName, specifier: integration.adapter.specifier },
  });
}

function fingerprint(data: unknown): string {
  return sha1(JSON.stringify(data));
}
