import { posix } from 'node:path';
import { displayPath } from '../report/format.js';
import { packageLabel } from '../load/packages.js';
import { TemplateSet } from './templates.js';
export function createEmitContext(settings, validators) {
    const { templateDirs, artifacts, ...rest } = settings;
    return { ...rest, templates: new TemplateSet(templateDirs), artifacts: new Set(artifacts), validators };
}
/**
 * How generated headers and docs name a source file: by package for a package's file (so the
 * bytes do not depend on where the package manager put it), else relative to the project root.
 */
export function sourceLabel(context, file) {
    return packageLabel(file, context.packages) ?? displayPath(file, context.root);
}
/** The generated module every other generated module imports the runtime through (it checks the runtime's version first). */
export const RUNTIME_SHIM_PATH = 'runtime.ts';
/** The specifier of the runtime shim from the generated file at `path` (output-relative, `/`-separated). */
export function runtimeShimFrom(path) {
    const specifier = posix.relative(posix.dirname(path), RUNTIME_SHIM_PATH.replace(/\.ts$/, '.js'));
    return specifier.startsWith('.') ? specifier : `./${specifier}`;
}
/** Renders a template and normalises line endings, so a template saved with CRLF yields the same bytes. */
export function render(context, template, data) {
    const text = context.templates.render(template, data).replace(/\r\n?/g, '\n');
    return text.endsWith('\n') ? text.replace(/\n+$/, '\n') : text + '\n';
}
/** The artifacts as template flags: `{{#if artifacts.clients}}`. */
export function artifactFlags(context) {
    return { types: context.artifacts.has('types'), validators: context.artifacts.has('validators'), spec: context.artifacts.has('spec'), clients: context.artifacts.has('clients'), docs: context.artifacts.has('docs'), registry: context.artifacts.has('registry') };
}
//# sourceMappingURL=context.js.map