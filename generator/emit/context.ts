/**
 * The context a thread emits with: the templates, and the two costly conversions (JSON Schema ->
 * TypeScript types, -> precompiled validator), each done once per schema content in a thread.
 */
import { BoundedCache } from './bounded-cache.js';
import { schemaToTypeScript } from './json-schema-types.js';
import type { EmitContext } from './render.js';
import { schemaKey } from './schema-key.js';
import { standaloneValidators, type ValidatorCompiler } from './standalone-validators.js';
import { TemplateSet } from './templates.js';

/** Everything an EmitContext is made from, as plain data (a worker thread builds its own from it). */
export interface EmitSettings {
  /** Template folders, built-ins first, later ones overriding earlier ones. */
  readonly templateDirs: readonly string[];
  readonly runtimeImport: string;
  readonly artifacts: EmitContext['artifacts'];
  readonly folderModules: EmitContext['folderModules'];
}

export function createEmitContext(settings: EmitSettings, validators: ValidatorCompiler): EmitContext {
  const converted = new BoundedCache<Promise<string>>(16);
  return {
    templates: new TemplateSet(settings.templateDirs),
    artifacts: settings.artifacts,
    folderModules: settings.folderModules,
    runtimeImport: settings.runtimeImport,
    types: (schema, typeName) => converted.get(`${typeName}\u0000${schemaKey(schema)}`, () => schemaToTypeScript(schema, typeName)),
    validatorCode: (schemas) => standaloneValidators(schemas, validators),
  };
}

