/**
 * What every fuzz case must satisfy, whatever the input: the run ends in success or in located
 * diagnostics (every error has a file, line and column inside a file it can show), prints nothing
 * raw to a terminal, changes nothing in the watched folder (the project's parent: the project and
 * the files beside it) outside the output folder and the build cache, changes nothing at all when
 * it fails or only validates, leaves no run folder behind, and, when it writes, writes files with
 * no raw control character that still parse. (No exception escaping and no hang are checked by
 * the caller, which runs the case.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ts } from 'ts-morph';
import type { GenerateResult } from '../../generator/index.js';
import { formatDiagnostic } from '../../generator/report/format.js';
import { changeTime, fileTree, isUnder, treeChanges } from '../support/file-tree.js';
import type { FuzzCase } from './case.js';

/** Raw in generated code or on a terminal: control characters (tab, line feed, carriage return aside), line separators, bidi controls. */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
/** The same for Markdown, where U+2028/U+2029 end no line (the docs quote the spec's source as written). */
const RAW_CONTROL_IN_MARKDOWN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const OUTPUT = 'generated';
/** Where contractgen may write in the project: its output folder, and its build cache. */
const MAY_CHANGE = [OUTPUT, 'node_modules/.cache'];
/** Where a run stages files and keeps its lock and journal (generator/fs/run-folder.ts): gone once a run ends. */
const RUN_FOLDER = '.contractgen-run';

/**
 * The watched folder (the project's parent), the project's output folder and build cache aside.
 * Any write shows, the same bytes written again included, and so does a file made and removed
 * (in the folder's change time), except in the folders that hold the output folder and the cache.
 */
export function watchedTree(watched: string, root: string): Map<string, string> {
  const mayChange = MAY_CHANGE.map((path) => relative(watched, join(root, path)).split(sep).join('/'));
  const holdsMayChange = (folder: string) => mayChange.some((prefix) => prefix.startsWith(folder));
  const tree = fileTree(watched, { skip: (path) => mayChange.some((prefix) => isUnder(path, prefix)), touched: (path) => !(path.endsWith('/') && holdsMayChange(path)) });
  return tree.set('./', changeTime(watched));
}

/** A problem of the output folder (CG3xx) may be located by its path alone: a symlink or a folder has no line. */
export const locatedByPathAlone = (diagnostic: { readonly code: string; readonly file?: string; readonly line?: number }) => /^CG3/.test(diagnostic.code) && !!diagnostic.file && !diagnostic.line;

export interface CaseRun {
  readonly root: string;
  readonly watched: string;
  readonly result: GenerateResult;
  readonly before: { readonly watched: Map<string, string>; readonly output: Map<string, string> };
  readonly fuzzCase: FuzzCase;
}

export function brokenInvariants({ root, watched, result, before, fuzzCase }: CaseRun): string[] {
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
    if (locatedByPathAlone(diagnostic)) continue;
    if (!diagnostic.file || !diagnostic.line || !diagnostic.column) {
      broken.push(`${where} has no position (file ${diagnostic.file ?? '-'}, line ${diagnostic.line ?? '-'})`);
      continue;
    }
    const text = result.sourceText(diagnostic.file);
    if (text === undefined) broken.push(`${where} points at ${diagnostic.file}, which code frames cannot show`);
    else if (diagnostic.line > text.split(/\r\n|\r|\n|\u2028|\u2029/).length) broken.push(`${where} points at line ${diagnostic.line}, past the end of ${diagnostic.file}`);
  }
  const changes = (label: string, was: Map<string, string>, now: Map<string, string>) => broken.push(...treeChanges(was, now).map((change) => `${label}: ${change}`));
  changes('written beside the project, or in it outside the output folder and the build cache', before.watched, watchedTree(watched, root));
  const out = join(root, OUTPUT);
  // A case that leaves a killed run's files in the output folder is recovered from, even by a run that then fails.
  const recovers = fuzzCase.files.some((file) => file.path.startsWith(`${OUTPUT}/${RUN_FOLDER}`));
  if ((fuzzCase.mode === 'validate' || !result.ok) && !recovers) changes(`changed in the output folder by a run that ${result.ok ? 'only validated' : 'failed'}`, before.output, fileTree(out));
  if (existsSync(join(out, RUN_FOLDER)) && !(recovers && !result.ok)) broken.push(`${OUTPUT}/${RUN_FOLDER} is left behind`);
  if (fuzzCase.mode === 'write' && result.ok) broken.push(...outputProblems(out));
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
