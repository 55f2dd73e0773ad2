import { displayPath } from '../report/format.js';
import type { Artifact } from '../config/config.js';
import type { CapabilitySpec, IntegrationSpec } from '../../runtime/spec/model.js';
import type { AdapterBinding } from '../load/adapters.js';
import type { LoadedSpec } from '../load/model.js';
import type { ValidatorCompiler } from './standalone-validators.js';
import { TemplateSet } from './templates.js';

/** One generated file: a path relative to the output folder (always `/`-separated) and its bytes. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/**
 * What emitters read of a checked spec: plain data (no source positions, no functions), so a unit
 * of work can be sent to a worker thread. The checked model's types are assignable to these.
 */
export interface EmitCapability {
  readonly spec: CapabilitySpec;
  readonly name: string;
  readonly loaded: Pick<LoadedSpec, 'file' | 'source'>;
}

export interface EmitIntegration {
  readonly spec: IntegrationSpec;
  readonly name: string;
  readonly loaded: Pick<LoadedSpec, 'file' | 'source'>;
  readonly provides: readonly EmitCapability[];
  readonly adapter?: AdapterBinding;
}

export interface EmitContext {
  readonly templates: TemplateSet;
  /** Project root: spec paths in headers and docs are shown relative to it, so output is machine-independent. */
  readonly root: string;
  /** Module specifier generated code imports the runtime from. */
  readonly runtimeImport: string;
  /** Module specifier generated code imports spec types from. */
  readonly specImport: string;
  /** Absolute output folder, for relative imports of adapters. */
  readonly outDir: string;
  /** The artifacts to generate (all unless the config switches some off). */
  readonly artifacts: ReadonlySet<Artifact>;
  /** Standalone validator code of each schema (compiled once, while checking). */
  readonly validators: ValidatorCompiler;
}

/** Everything an EmitContext is made from, as plain data (a worker thread builds its own from it). */
export interface EmitSettings {
  /** Template folders, built-ins first, later ones overriding earlier ones. */
  readonly templateDirs: readonly string[];
  readonly root: string;
  readonly runtimeImport: string;
  readonly specImport: string;
  readonly outDir: string;
  readonly artifacts: readonly Artifact[];
}

export function createEmitContext(settings: EmitSettings, validators: ValidatorCompiler): EmitContext {
  const { templateDirs, artifacts, ...rest } = settings;
  return { ...rest, templates: new TemplateSet(templateDirs), artifacts: new Set(artifacts), validators };
}

export function sourceLabel(context: EmitContext, file: string): string {
  return displayPath(file, context.root);
}

/** Renders a template and normalises line endings, so a template saved with CRLF yields the same bytes. */
export function render(context: EmitContext, template: string, data: object): string {
  const text = context.templates.render(template, data).replace(/\r\n?/g, '\n');
  return text.endsWith('\n') ? text.replace(/\n+$/, '\n') : text + '\n';
}

/** The artifacts as template flags: `{{#if artifacts.clients}}`. */
export function artifactFlags(context: EmitContext): Record<Artifact, boolean> {
  return { types: context.artifacts.has('types'), validators: context.artifacts.has('validators'), spec: context.artifacts.has('spec'), clients: context.artifacts.has('clients'), docs: context.artifacts.has('docs'), registry: context.artifacts.has('registry') };
}
