/**
 * What every fuzz case must satisfy, whatever the input: the run ends in success or in located
 * diagnostics (every error has a file, line and column inside a file it can show), prints nothing
 * raw to a terminal, changes nothing in the project outside the output folder and the build
 * cache, and, when it writes, writes files with no raw control character that still parse.
 * (No exception escaping and no hang are checked by the caller, which runs the case.)
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ts } from 'ts-morph';
import type { GenerateResult } from '../../generator/index.js';
import { formatDiagnostic } from '../../generator/report/format.js';

/** Raw in generated code or on a terminal: control characters (tab, line feed, carriage return aside), line separators, bidi controls. */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
/** The same for Markdown, where U+2028/U+2029 end no line (the docs quote the spec's source as written). */
const RAW_CONTROL_IN_MARKDOWN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Where contractgen may write in a project: its output folder, and its build cache. */
const MAY_CHANGE = [`generated${sep}`, join('node_modules', '.cache') + sep];

/** Every file of the project outside MAY_CHANGE, with its size, mtime and content hash. */
export function projectTree(root: string): Map<string, string> {
  const tree = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(root, path);
      if (MAY_CHANGE.some((prefix) => (rel + sep).startsWith(prefix))) continue;
      if (entry.isDirectory()) walk(path);
      else {
        const stats = statSync(path);
        tree.set(rel, `${stats.size}:${stats.mtimeMs}:${createHash('sha1').update(readFileSync(path)).digest('hex')}`);
      }
    }
  };
  walk(root);
  return tree;
}

export function brokenInvariants(root: string, result: GenerateResult, before: Map<string, string>, mode: 'validate' | 'write'): string[] {
  const broken: string[] = [];
  for (const diagnostic of result.diagnostics) {
    const where = `${diagnostic.code} "${diagnostic.message.slice(0, 200)}"`;
    let printed: string;
    try {
      printed = formatDiagnostic(diagnostic, { root, sourceText: result.sourceText });
    } catch (error) {
      broken.push(`formatting ${where} threw: ${(error as Error).stack}`);
      continue;
    }
    if (RAW_CONTROL.test(printed)) broken.push(`${where} prints a raw control character`);
    if (diagnostic.severity !== 'error') continue;
    if (/^CG2/.test(diagnostic.code)) broken.push(`${where}: a spec value broke a template or emitter`);
    // A problem of the output folder (CG3xx) may be located by its path alone: a symlink or a folder has no line.
    if (/^CG3/.test(diagnostic.code) && diagnostic.file && !diagnostic.line) continue;
    if (!diagnostic.file || !diagnostic.line || !diagnostic.column) {
      broken.push(`${where} has no position (file ${diagnostic.file ?? '-'}, line ${diagnostic.line ?? '-'})`);
      continue;
    }
    const text = result.sourceText(diagnostic.file);
    if (text === undefined) broken.push(`${where} points at ${diagnostic.file}, which code frames cannot show`);
    else if (diagnostic.line > text.split(/\r\n|\r|\n|\u2028|\u2029/).length) broken.push(`${where} points at line ${diagnostic.line}, past the end of ${diagnostic.file}`);
  }
  const after = projectTree(root);
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    if (before.get(path) !== after.get(path)) broken.push(`${path} changed, outside the output folder (${before.has(path) ? (after.has(path) ? 'modified' : 'removed') : 'created'})`);
  }
  if (mode === 'write' && result.ok) broken.push(...outputProblems(join(root, 'generated')));
  return broken;
}

/** Generated files holding a raw control character, or .ts files that no longer parse. */
function outputProblems(out: string): string[] {
  const problems: string[] = [];
  for (const file of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
    if (!/\.(ts|md)$/.test(file)) continue;
    const text = readFileSync(join(out, file), 'utf8');
    const raw = (file.endsWith('.md') ? RAW_CONTROL_IN_MARKDOWN : RAW_CONTROL).exec(text);
    if (raw) problems.push(`generated ${file} holds a raw U+${raw[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (file.endsWith('.ts')) {
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
      const [syntax] = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
      if (syntax) problems.push(`generated ${file} does not parse: ${ts.flattenDiagnosticMessageText(syntax.messageText, ' ')}`);
    }
  }
  return problems;
}
