/**
 * What emitters render with, and the one way a file is rendered: kept free of the heavy libraries
 * (Handlebars, ajv, json-schema-to-typescript), which only the context made for a run loads
 * (context.ts), so the artifacts that import this load cheaply.
 */
import type { RenderJob } from '../plan/model.js';
import type { TemplateSet } from './templates.js';

/** One generated file: a path relative to the output folder (always `/`-separated) and its content (UTF-8 bytes once it leaves a worker). */
export interface OutputFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** A module of a spec's folder that its index.ts re-exports (an artifact's file, e.g. `client`). */
export interface FolderModule {
  readonly name: string;
  /** Re-exported with `export type *` (a module of types only). */
  readonly typeOnly: boolean;
}

export interface EmitContext {
  readonly templates: TemplateSet;
  /** Every artifact by name, and whether it is generated (all unless the config switches some off). */
  readonly artifacts: Readonly<Record<string, boolean>>;
  /** The modules each spec folder's index re-exports, per kind of spec, by file name. */
  readonly folderModules: Readonly<Record<'integration' | 'capability', readonly FolderModule[]>>;
  /** The runtime package: validate.ts imports ajv's helpers from its `/ajv` subpath. */
  readonly runtimeImport: string;
  /** TypeScript declarations for a schema under a type name (json-schema-to-typescript, once per schema and name). */
  readonly types: (schema: object, typeName: string) => Promise<string>;
  /** One module of precompiled validators, an export per schema (`exportName -> schema`; each compiled once, while checking). */
  readonly validatorCode: (schemas: Readonly<Record<string, object>>) => string;
}

/** Renders a template and normalises line endings, so a template saved with CRLF yields the same bytes. */
export function render(context: Pick<EmitContext, 'templates'>, template: string, data: object): string {
  const text = context.templates.render(template, data).replace(/\r\n?/g, '\n');
  return text.endsWith('\n') ? text.replace(/\n+$/, '\n') : text + '\n';
}

export function renderJob(job: RenderJob, context: Pick<EmitContext, 'templates'>): OutputFile & { readonly content: string } {
  return { path: job.path, content: render(context, job.template, job.data) };
}
