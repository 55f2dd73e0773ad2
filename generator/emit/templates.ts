/**
 * The Handlebars templates that hold the layout of every generated file. Templates are found by
 * name (`integration/spec.ts`) in a list of folders, later folders overriding earlier ones, so a
 * user can replace any template or partial without forking.
 */
import { relative, sep } from 'node:path';
import Handlebars from 'handlebars';
import type { Diagnostic } from '../diagnostics/index.js';
import { InputBoundary } from '../fs/input-boundary.js';
import { listInputFiles } from '../fs/list-inputs.js';
import { InputFileError, readInputText } from '../fs/read-input.js';
import { COMPILE_OPTIONS, precompiledTemplate } from './precompiled.js';
import { docCommentText, lineCommentText, mdCell, mdCodeCell, mdText, mdUrlText, tsLiteral, tsString, yamlString, yamlText } from './escape.js';

export class TemplateError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** A template's failure as the diagnostic a run reports (CG201, at the template's file and line). */
export function templateDiagnostic(error: TemplateError): Diagnostic {
  return { code: 'CG201', severity: 'error', file: error.file, line: error.line, column: error.column, message: `template failed: ${error.message}` };
}

interface TemplateSource {
  readonly file: string;
  readonly text: string;
}

export class TemplateSet {
  private readonly handlebars = Handlebars.create();
  private readonly sources = new Map<string, TemplateSource>();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();

  /** `dirs`: the built-in templates' folders (artifacts/index.ts), then the overrides. */
  constructor(dirs: readonly string[]) {
    for (const dir of dirs) {
      // Like spec folders: regular files inside the folder only, in UTF-8 (list-inputs.ts, read-input.ts).
      const boundary = new InputBoundary([dir], []);
      for (const file of listTemplates(dir)) {
        const name = relative(dir, file).split(sep).join('/').replace(/\.hbs$/, '');
        this.sources.set(name, { file, text: readTemplate(file, boundary) });
      }
    }
    registerHelpers(this.handlebars);
    for (const [name, source] of this.sources) {
      if (!name.startsWith('partials/')) continue;
      // Handlebars parses a partial only when a template first uses it, and its errors would then
      // name that template: parse partials here so a broken one is reported with its own file.
      try {
        this.handlebars.parse(source.text);
      } catch (error) {
        throw templateError(error, source, this.sources);
      }
      this.handlebars.registerPartial(name.slice('partials/'.length), source.text);
    }
  }

  render(name: string, data: object): string {
    const source = this.sources.get(name);
    if (!source) throw new TemplateError(name, `no template named "${name}"`);
    let template = this.compiled.get(name);
    try {
      if (!template) {
        const built = precompiledTemplate(source.text);
        template = built ? this.handlebars.template(built) : this.handlebars.compile(source.text, { ...COMPILE_OPTIONS });
        this.compiled.set(name, template);
      }
      return template(data);
    } catch (error) {
      throw templateError(error, source, this.sources);
    }
  }
}

/** The templates below a folder (none when it cannot be read); a refused file is a TemplateError. */
function listTemplates(dir: string): string[] {
  let listing;
  try {
    listing = listInputFiles(dir, { wanted: (name) => name.endsWith('.hbs'), skipUnreadable: true });
  } catch {
    return [];
  }
  const [refused] = listing.refused;
  if (refused) throw new TemplateError(refused.file!, refused.message);
  return listing.files.sort();
}

function readTemplate(file: string, boundary: InputBoundary): string {
  try {
    return readInputText(file, boundary);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    const { message, line, column } = error.diagnostic;
    throw new TemplateError(file, message, line, column);
  }
}

/** Handlebars reports "Parse error on line N" or a `loc` on its exceptions: turn either into file:line. */
function templateError(error: unknown, source: TemplateSource, all: Map<string, TemplateSource>): TemplateError {
  const e = error as Error & { lineNumber?: number; column?: number; hash?: { loc?: { first_line?: number } } };
  const lines = e.message.split('\n');
  // A parse error's first line only says where; its last says what ("Expecting ..., got 'EOF'").
  let message = lines.length > 1 && /^Parse error/.test(lines[0] ?? '') ? `${lines[0]} ${lines[lines.length - 1]}` : (lines[0] ?? String(error));
  let line: number | undefined = e.lineNumber ?? e.hash?.loc?.first_line ?? Number(/on line (\d+)/.exec(e.message)?.[1] ?? NaN);
  let column = e.column !== undefined ? e.column + 1 : undefined;
  let file = source.file;
  const partial = /partial (\S+) could not be found/.exec(message);
  if (partial) {
    // Point at the `{{> name}}` that asks for it: in this template, else in the partial that does.
    const candidates = [source, ...[...all].filter(([name]) => name.startsWith('partials/')).map(([, s]) => s)];
    for (const candidate of candidates) {
      const at = positionOf(candidate.text, new RegExp(`\\{\\{~?#?>\\s*${escapeRegExp(partial[1]!)}(?=[\\s}~])`));
      if (at) {
        ({ line, column } = at);
        file = candidate.file;
        break;
      }
    }
  } else if (/got 'EOF'/.test(e.message)) {
    // Handlebars points at the end of the file; the mistake is the block that was never closed.
    const open = unclosedBlock(source.text);
    if (open) {
      ({ line, column } = open);
      message = `{{#${open.name}}} is never closed (no {{/${open.name}}}): ${message}`;
    }
  }
  return new TemplateError(file, message, line !== undefined && Number.isFinite(line) ? line : undefined, column);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function positionOf(text: string, pattern: RegExp): { line: number; column: number } | undefined {
  const match = pattern.exec(text);
  return match ? lineColumn(text, match.index) : undefined;
}

function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** The innermost block (`{{#name}}`, `{{#> name}}`) left open at the end of a template, skipping comments. */
function unclosedBlock(text: string): { name: string; line: number; column: number } | undefined {
  const stack: { name: string; index: number }[] = [];
  const tag = /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\{\{~?\s*([#/])\s*>?\s*([^\s}~]+)/g;
  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    if (!match[1] || text[match.index - 1] === '\\') continue;
    if (match[1] === '#') stack.push({ name: match[2]!, index: match.index });
    else if (stack[stack.length - 1]?.name === match[2]) stack.pop();
  }
  const open = stack.pop();
  return open && { name: open.name, ...lineColumn(text, open.index) };
}

function registerHelpers(hb: typeof Handlebars): void {
  const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
  hb.registerHelper('tsString', (value: unknown) => tsString(text(value)));
  hb.registerHelper('tsLiteral', (value: unknown) => tsLiteral(value));
  hb.registerHelper('docComment', (value: unknown, indent: unknown) => docCommentText(text(value), typeof indent === 'string' ? indent : ''));
  hb.registerHelper('lineComment', (value: unknown) => lineCommentText(text(value)));
  hb.registerHelper('mdText', (value: unknown) => mdText(text(value)));
  hb.registerHelper('mdCell', (value: unknown) => mdCell(value === undefined || value === null ? undefined : String(value)));
  hb.registerHelper('mdCodeCell', (value: unknown) => mdCodeCell(text(value)));
  hb.registerHelper('mdInlineCode', (value: unknown) => mdCodeCell(text(value)).replace(/\\\|/g, '|'));
  hb.registerHelper('mdUrl', (value: unknown) => mdUrlText(text(value)));
  hb.registerHelper('mdLinkTarget', (value: unknown) => encodeURIComponent(text(value)));
  hb.registerHelper('yamlString', (value: unknown) => yamlString(text(value)));
  hb.registerHelper('yamlText', (value: unknown, indent: unknown) => yamlText(text(value), typeof indent === 'string' ? indent : ''));
  hb.registerHelper('json', (value: unknown) => JSON.stringify(value, null, 2));
  hb.registerHelper('join', (list: unknown, separator: unknown) => (Array.isArray(list) ? list.map(text).join(typeof separator === 'string' ? separator : ', ') : ''));
}
