import { displayPath } from '../report/format.js';
import type { Artifact } from '../config/config.js';
import type { ValidatorCompiler } from './standalone-validators.js';
import type { TemplateSet } from './templates.js';

/** One generated file: a path relative to the output folder (always `/`-separated) and its bytes. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
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
