/**
 * What emitters render with: the templates, the artifacts switched on, and the two costly
 * conversions (JSON Schema -> TypeScript types, -> precompiled validator), each done once per
 * schema content in a thread.
 */
import type { Artifact } from '../config/artifacts.js';
import { schemaToTypeScript } from './json-schema-types.js';
import type { ValidatorCompiler } from './standalone-validators.js';
import { TemplateSet } from './templates.js';
import { BoundedCache } from './bounded-cache.js';
import { schemaKey } from './schema-key.js';

/** One generated file: a path relative to the output folder (always `/`-separated) and its content (UTF-8 bytes once it leaves a worker). */
export interface OutputFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

export interface EmitContext {
  readonly templates: TemplateSet;
  /** The artifacts to generate (all unless the config switches some off). */
  readonly artifacts: ReadonlySet<Artifact>;
  /** The runtime package: validate.ts imports ajv's helpers from its `/ajv` subpath. */
  readonly runtimeImport: string;
  /** Standalone validator code of each schema (compiled once, while checking). */
  readonly validators: ValidatorCompiler;
  /** TypeScript declarations for a schema under a type name (json-schema-to-typescript, once per schema and name). */
  readonly types: (schema: object, typeName: string) => Promise<string>;
}

/** Everything an EmitContext is made from, as plain data (a worker thread builds its own from it). */
export interface EmitSettings {
  /** Template folders, built-ins first, later ones overriding earlier ones. */
  readonly templateDirs: readonly string[];
  readonly runtimeImport: string;
  readonly artifacts: readonly Artifact[];
}

export function createEmitContext(settings: EmitSettings, validators: ValidatorCompiler): EmitContext {
  const converted = new BoundedCache<Promise<string>>(16);
  return {
    templates: new TemplateSet(settings.templateDirs),
    artifacts: new Set(settings.artifacts),
    runtimeImport: settings.runtimeImport,
    validators,
    types: (schema, typeName) => converted.get(`${typeName}\u0000${schemaKey(schema)}`, () => schemaToTypeScript(schema, typeName)),
  };
}

/** Renders a template and normalises line endings, so a template saved with CRLF yields the same bytes. */
export function render(context: Pick<EmitContext, 'templates'>, template: string, data: object): string {
  const text = context.templates.render(template, data).replace(/\r\n?/g, '\n');
  return text.endsWith('\n') ? text.replace(/\n+$/, '\n') : text + '\n';
}

/** The artifacts as template flags: `{{#if artifacts.clients}}`. */
export function artifactFlags(context: Pick<EmitContext, 'artifacts'>): Record<Artifact, boolean> {
  const on = (artifact: Artifact) => context.artifacts.has(artifact);
  return { types: on('types'), validators: on('validators'), spec: on('spec'), clients: on('clients'), docs: on('docs'), registry: on('registry') };
}
