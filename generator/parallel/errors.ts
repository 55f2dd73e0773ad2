/** Errors cross the thread boundary as plain data; a template error keeps its class and position. */
import { TemplateError } from '../emit/templates.js';

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { file, line, column } = error as Partial<TemplateError>;
  return { name: error.name, message: error.message, stack: error.stack, file, line, column };
}

export function deserializeError(data: SerializedError): Error {
  if (data.name === 'TemplateError' && data.file !== undefined) return new TemplateError(data.file, data.message, data.line, data.column);
  const error = new Error(data.message);
  error.name = data.name;
  if (data.stack) error.stack = data.stack;
  return error;
}

/** A task not run because the run was interrupted (Ctrl-C): the run ends in CG303 instead. */
export class RunStopped extends Error {
  constructor() {
    super('the run was interrupted before this task ran');
    this.name = 'RunStopped';
  }
}
