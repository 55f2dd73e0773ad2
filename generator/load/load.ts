/**
 * load: finds each exported `defineIntegration(...)` / `defineCapability(...)` call in the spec
 * files and evaluates its object literal statically, keeping every value's source position.
 */
import { ts, type TS } from './typescript.js';
import type { Diagnostic, SourcePosition } from '../diagnostics/index.js';
import { maskedSourceText } from '../report/mask.js';
import { secretSpellings, type SecretSpelling } from './secret-spellings.js';
import { StaticEvaluator, type EvaluationSink } from './evaluate.js';
import { DEFINE_FUNCTIONS } from './kinds.js';
import { createLoadedSpec, type LoadedSpec, type SpecKind } from './model.js';
import { literalString } from './literal-properties.js';
import { isModule, ModuleGraph, positionOfNode, type ParsedModule } from './modules.js';
import { InputFileError } from '../fs/read-input.js';
import { strayDefineCalls } from './stray-calls.js';

const DEFINE_CALLEES: ReadonlySet<string> = new Set(Object.keys(DEFINE_FUNCTIONS));


/** One spec file, loaded: what a worker returns for it (plain data but for the specs' position lookups). */
export interface LoadedFile {
  readonly specs: LoadedSpec[];
  readonly diagnostics: Diagnostic[];
  /** Every file its values were read from (itself included), with the content hash of the exact bytes parsed. */
  readonly deps: Readonly<Record<string, string>>;
  /** What resolving its imports looked at besides those files (paths found empty, package.json files read), by input state. */
  readonly probes: Readonly<Record<string, string>>;
  /** Strings of its secret examples: code frames mask them. */
  readonly secrets: readonly string[];
  /**
   * The key of each exported spec of the kind loaded, passed or failed: from its value, or read from
   * its syntax when it could not be evaluated; null when neither says (and for a file that cannot be
   * read). Which integration an adapter names is known even when that integration's spec failed.
   */
  readonly keys: readonly (string | null)[];
}

/**
 * Loads one spec file (only its specs of kind `only`, when given). The graph keeps imported
 * modules across files; the spec file's own tree is dropped after.
 */
export function loadSpecFile(file: string, graph: ModuleGraph, evaluator = new StaticEvaluator(graph), only?: SpecKind): LoadedFile {
  const specs: LoadedSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  const secrets = new Set<string>();
  const keys: (string | null)[] = [];
  const { files, probes } = graph.record(() => loadFile(file, graph, evaluator, { specs, diagnostics, secrets, keys }, only));
  // Values and positions are plain data now: drop the syntax tree (a 1,000-spec run would keep them all).
  graph.release(file);
  const deps: Record<string, string> = {};
  for (const read of files) {
    const hash = graph.hashOf(read);
    if (hash !== undefined) deps[read] = hash;
  }
  return { specs, diagnostics, deps, probes, secrets: [...secrets], keys };
}

export interface LoadResult {
  readonly specs: LoadedSpec[];
  readonly diagnostics: Diagnostic[];
  /** Every source file read: the spec files and the files they import. */
  readonly files: string[];
  /** File text by path, for code frames, with secret examples masked (same length, so columns stay right). */
  readonly sourceText: (file: string) => string | undefined;
}

/** Loads several spec files (the programmatic and test entry; the pipeline loads file by file). */
export function loadSpecs(files: readonly string[], graph = new ModuleGraph()): LoadResult {
  const evaluator = new StaticEvaluator(graph);
  const specs: LoadedSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  const secrets = new Set<string>();
  for (const file of files) {
    const loaded = loadSpecFile(file, graph, evaluator);
    specs.push(...loaded.specs);
    diagnostics.push(...loaded.diagnostics);
    for (const secret of loaded.secrets) secrets.add(secret);
  }
  const isSpec = new Set(files);
  diagnostics.push(...importedSyntaxErrors(graph, graph.files().filter((file) => !isSpec.has(file))));
  return { specs, diagnostics, files: graph.files(), sourceText: maskedSourceText(secrets, graph.boundary) };
}

/**
 * Syntax errors in files the specs import but that are not specs themselves (shared constants
 * outside the specs folder): they would otherwise be evaluated from a recovered tree, silently.
 */
export function importedSyntaxErrors(graph: ModuleGraph, imported: Iterable<string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const file of imported) {
    const module = graph.tryGet(file);
    if (isModule(module)) diagnostics.push(...module.problems);
    else diagnostics.push(module);
  }
  return diagnostics;
}

/** What loading a file adds to (LoadedFile's fields). */
interface LoadSink {
  readonly specs: LoadedSpec[];
  readonly diagnostics: Diagnostic[];
  readonly secrets: Set<string>;
  readonly keys: (string | null)[];
}

function loadFile(file: string, graph: ModuleGraph, evaluator: StaticEvaluator, sink: LoadSink, only?: SpecKind): void {
  const { specs, diagnostics, secrets, keys } = sink;
  let module: ParsedModule;
  try {
    module = graph.get(file);
  } catch (error) {
    if (error instanceof InputFileError) diagnostics.push(error.diagnostic);
    else diagnostics.push({ code: 'CG100', severity: 'error', file, message: `cannot read spec file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    // Whatever specs it defines, their keys are unknown.
    keys.push(null);
    return;
  }
  const exportedLocals = localExports(module.sourceFile);
  const read = new Set<TS.Node>();
  const spellings = new Map<TS.CallExpression, SecretSpelling[]>();
  /** Each exported spec's key as written, for the specs that will not be evaluated. */
  const writtenKeys = new Map<TS.CallExpression, string | null>();
  for (const statement of module.sourceFile.statements) {
    for (const found of specCalls(statement, exportedLocals)) {
      // Before anything can fail: a spec that cannot be evaluated has its secrets masked too.
      const spelled = secretSpellings(found.call, module, graph);
      for (const { raw, value } of spelled) secrets.add(raw).add(value);
      spellings.set(found.call, spelled);
      read.add(found.call);
      if (found.exportName && (!only || DEFINE_FUNCTIONS[found.callee] === only)) writtenKeys.set(found.call, literalString(found.call.arguments[0], ['meta', 'key']) ?? null);
    }
  }
  if (module.problems.length > 0) {
    diagnostics.push(...module.problems);
    keys.push(...writtenKeys.values());
    return;
  }
  diagnostics.push(...strayDefineCalls(module.sourceFile, DEFINE_CALLEES, read));
  for (const statement of module.sourceFile.statements) {
    for (const found of specCalls(statement, exportedLocals)) {
      const kind = DEFINE_FUNCTIONS[found.callee]!;
      if (only && kind !== only) continue;
      if (!found.exportName) {
        diagnostics.push({
          code: 'CG102',
          severity: 'warning',
          message: `${found.callee}(...) is not exported, so it is not generated`,
          hint: 'export the constant: `export const mySpec = ...`',
          ...positionOfNode(found.call),
        });
        continue;
      }
      const spec = loadCall(evaluator, module, statement, found.call, kind, found.exportName, diagnostics, spellings.get(found.call)!);
      if (spec) specs.push(spec);
      const key = (spec?.value as { meta?: { key?: unknown } } | undefined)?.meta?.key;
      keys.push(typeof key === 'string' ? key : (writtenKeys.get(found.call) ?? null));
    }
  }
}

/** Local names exported by an export clause (`export { spec }`, `export { spec as twilio }`) or `export default spec`. */
function localExports(sourceFile: TS.SourceFile): Map<string, string> {
  const exported = new Map<string, string>();
  for (const statement of sourceFile.statements) {
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && !statement.isTypeOnly && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        const local = (element.propertyName ?? element.name).text;
        if (!element.isTypeOnly && !exported.has(local)) exported.set(local, element.name.text);
      }
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals && ts.isIdentifier(statement.expression) && !exported.has(statement.expression.text)) {
      exported.set(statement.expression.text, 'default');
    }
  }
  return exported;
}

function loadCall(
  evaluator: StaticEvaluator,
  module: ParsedModule,
  statement: TS.Statement,
  call: TS.CallExpression,
  kind: SpecKind,
  exportName: string,
  diagnostics: Diagnostic[],
  secretSpellings: readonly SecretSpelling[],
): LoadedSpec | undefined {
  const [argument, ...extra] = call.arguments;
  if (!argument || extra.length > 0) {
    diagnostics.push({ code: 'CG101', severity: 'error', message: `${call.expression.getText()} takes exactly one object literal`, ...positionOfNode(call) });
    return undefined;
  }
  const sink: EvaluationSink = { positions: new Map(), diagnostics: [] };
  const value = evaluator.evaluate(argument, module, [], sink);
  diagnostics.push(...sink.diagnostics);
  if (sink.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return createLoadedSpec({
    kind,
    file: module.file,
    exportName,
    value,
    positions: sink.positions,
    start: positionOfNode(argument),
    source: module.text.slice(statement.getStart(module.sourceFile), statement.getEnd()),
    secretSpellings,
  });
}

interface SpecCall {
  readonly callee: string;
  readonly call: TS.CallExpression;
  readonly exportName?: string;
}

/** The define calls a top-level statement makes: `export const x = defineIntegration({...})` or `export default defineCapability({...})`. */
function specCalls(statement: TS.Statement, exportedLocals: ReadonlyMap<string, string>): SpecCall[] {
  const asCall = (expression: TS.Expression | undefined): TS.CallExpression | undefined => {
    let node = expression;
    while (node && (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node))) node = node.expression;
    return node && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && DEFINE_CALLEES.has(node.expression.text) ? node : undefined;
  };
  if (ts.isVariableStatement(statement)) {
    const exported = ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
    return statement.declarationList.declarations.flatMap((declaration) => {
      const call = asCall(declaration.initializer);
      if (!call) return [];
      const name = declaration.name.getText();
      return [{ callee: (call.expression as TS.Identifier).text, call, exportName: exported ? name : exportedLocals.get(name) }];
    });
  }
  if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
    const call = asCall(statement.expression);
    return call ? [{ callee: (call.expression as TS.Identifier).text, call, exportName: 'default' }] : [];
  }
  if (ts.isExpressionStatement(statement)) {
    const call = asCall(statement.expression);
    return call ? [{ callee: (call.expression as TS.Identifier).text, call }] : [];
  }
  return [];
}

