/**
 * emit: renders what the artifacts plan (generator/artifacts/): each file from a template, with the
 * conversions a thread does once per schema (types, precompiled validators).
 */
export { createEmitContext, type EmitSettings } from './context.js';
export { render, renderJob, type EmitContext, type FolderModule, type OutputFile } from './render.js';
export { templateDiagnostic, TemplateError, TemplateSet } from './templates.js';
