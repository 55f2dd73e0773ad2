/**
 * The built-in templates, compiled when the package is built (scripts/precompile-templates.mjs
 * writes dist/emit/precompiled-templates.cjs beside this module): a run takes a template from there
 * when its text is the one it was compiled from, under this Handlebars and these options, and
 * compiles it itself otherwise (an override, a template edited since the build). Compiling the ten
 * or so templates a one-spec run renders took about 0.08 s of every fresh process.
 */
import { createRequire } from 'node:module';
import Handlebars from 'handlebars';
import { sha1 } from '../values.js';

/** How every template is compiled: raw text out (the helpers escape for each target language), unknown names an error. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true, preventIndent: false } as const;

/** The file the build writes beside this module. */
export const PRECOMPILED_FILE = 'precompiled-templates.cjs';

/** What a compiled template is known by: its text, the Handlebars that compiled it and the options. */
export function templateKey(text: string): string {
  return sha1(`${Handlebars.VERSION}\u0000${JSON.stringify(COMPILE_OPTIONS)}\u0000${text}`);
}

type Specification = Parameters<typeof Handlebars.template>[0] & { compilerOptions?: object };
let built: Record<string, Specification> | null | undefined;

/** The template compiled at build time from exactly `text`, if there is one. */
export function precompiledTemplate(text: string): Specification | undefined {
  if (built === undefined) {
    try {
      built = createRequire(import.meta.url)(`./${PRECOMPILED_FILE}`) as Record<string, Specification>;
    } catch {
      // Not built (the sources run as they are): every template is compiled when first used.
      built = null;
    }
  }
  const spec = built?.[templateKey(text)];
  // What Handlebars.compile leaves on a template it compiled: the options the partials it calls
  // (registered as text) are compiled with. Without them a partial would escape HTML.
  if (spec) spec.compilerOptions ??= { ...COMPILE_OPTIONS, data: true };
  return spec;
}
