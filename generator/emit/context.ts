import { posix } from 'node:path';
import { displayPath } from '../report/format.js';
import { packageLabel, type SpecPackage } from '../load/packages.js';
import type { Artifact } from '../config/config.js';
import type { CapabilitySpec, IntegrationSpec } from '@contractgen/runtime/spec';
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
  /** The runtime package: only the runtime shim (and validate.ts, for ajv's helpers) import it by name. */
  readonly runtimeImport: string;
  /** The version of contractgen (and so of the runtime) the code is generated for. */
  readonly generatorVersion: string;
  /** Spec packages: files inside them are named by package in headers and docs. */
  readonly packages: readonly Pick<SpecPackage, 'name' | 'dir'>[];
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
  readonly generatorVersion: string;
  readonly packages: readonly Pick<SpecPackage, 'name' | 'dir'>[];
  readonly outDir: string;
  readonly artifacts: readonly Artifact[];
}

export function createEmitContext(settings: EmitSettings, validators: ValidatorCompiler): EmitContext {
  const { templateDirs, artifacts, ...rest } = settings;
  return { ...rest, templates: new TemplateSet(templateDirs), artifacts: new Set(artifacts), validators };
}

/**
 * How generated headers and docs name a source file: by package for a package's file (so the
 * bytes do not depend on where the package manager put it), else relative to the project root.
 */
export function sourceLabel(context: Pick<EmitContext, 'root' | 'packages'>, file: string): string {
  return packageLabel(file, context.packages) ?? displayPath(file, context.root);
}

/** The generated module every other generated module imports the runtime through (it checks the runtime's version first). */
export const RUNTIME_SHIM_PATH = 'runtime.ts';

/** The specifier of the runtime shim from the generated file at `path` (output-relative, `/`-separated). */
export function runtimeShimFrom(path: string): string {
  const specifier = posix.relative(posix.dirname(path), RUNTIME_SHIM_PATH.replace(/\.ts$/, '.js'));
  return specifier.startsWith('.') ? specifier : `./${specifier}`;
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
