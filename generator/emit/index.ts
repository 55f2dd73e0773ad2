/**
 * emit: renders the plan. A spec's own files (types, validators, spec constant, index) come from
 * its local plan, where the spec was loaded; the project's files are render jobs over summaries.
 */
import type { RenderJob } from '../plan/model.js';
import { render, type EmitContext, type OutputFile } from './context.js';

export { emitSpecFiles } from './spec-files.js';
export { createEmitContext, type EmitContext, type EmitSettings, type OutputFile } from './context.js';
export { templateDiagnostic, TemplateError, TemplateSet } from './templates.js';

export function renderJob(job: RenderJob, context: Pick<EmitContext, 'templates'>): OutputFile & { readonly content: string } {
  return { path: job.path, content: render(context, job.template, job.data) };
}
