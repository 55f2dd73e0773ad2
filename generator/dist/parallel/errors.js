/** Errors cross the thread boundary as plain data; a template error keeps its class and position. */
import { TemplateError } from '../emit/templates.js';
export function serializeError(error) {
    if (!(error instanceof Error))
        return { name: 'Error', message: String(error) };
    const { file, line, column } = error;
    return { name: error.name, message: error.message, stack: error.stack, file, line, column };
}
export function deserializeError(data) {
    if (data.name === 'TemplateError' && data.file !== undefined)
        return new TemplateError(data.file, data.message, data.line, data.column);
    const error = new Error(data.message);
    error.name = data.name;
    if (data.stack)
        error.stack = data.stack;
    return error;
}
//# sourceMappingURL=errors.js.map