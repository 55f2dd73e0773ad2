/**
 * load: finds each exported `defineIntegration(...)` / `defineCapability(...)` call in the spec
 * files and evaluates its object literal statically, keeping every value's source position.
 */
import { ts } from 'ts-morph';
import type { Diagnostic, SourcePosition } from '../diagnostics.js';
import { collectSecretValues, maskSecrets, secretExampleOf } from '../report/mask.js';
import { StaticEvaluator, type EvaluationSink } from './evaluate.js';
import { createLoadedSpec, type LoadedSpec, type SpecKind } from './model.js';
import { isModule, ModuleGraph, positionOfNode, type ParsedModule } from './modules.js';
import { InputFileError, readInputText } from './read-input.js';
import { strayDefineCalls } from './stray-calls.js';

const DEFINE_FUNCTIONS: Record<string, SpecKind> = { defineIntegration: 'integration', defineCapability: 'capability' };
const DEFINE_CALLEES: ReadonlySet<string> = new Set(Object.keys(DEFINE_FUNCTIONS));

export interface LoadResult {
  readonly specs: LoadedSpec[];
  readonly diagnostics: Diagnostic[];
  /** Every source file read: the spec files and the files they import (for watch mode and caching). */
  readonly files: string[];
  /**
   * File text by path, for code frames. The strings of every `secretSchema.example` are masked
   * (same length, so columns stay right): a code frame must never print a credential. Only files
   * inside the run's input boundary are read: a code frame never shows a byte from outside the project.
   */
  readonly sourceText: (file: string) => string | undefined;
  /** For each spec file evaluated this run, the files its values came from (itself included). */
  readonly dependencies: ReadonlyMap<string, readonly string[]>;
  /** The diagnostics of each spec file evaluated this run. */
  readonly fileDiagnostics: ReadonlyMap<string, readonly Diagnostic[]>;
}

/** Specs (and diagnostics) of a file known from an earlier run whose inputs have not changed; undefined to evaluate it. */
export type ReuseSpecs = (file: string) => { readonly specs: readonly LoadedSpec[]; readonly diagnostics: readonly Diagnostic[] } | undefined;

export function loadSpecs(files: readonly string[], graph = new ModuleGraph(), reuse: ReuseSpecs = () => undefined): LoadResult {
  const evaluator = new StaticEvaluator(graph);
  const specs: LoadedSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  const secrets = new Set<string>();
  const dependencies = new Map<string, readonly string[]>();
  const fileDiagnostics = new Map<string, readonly Diagnostic[]>();
  for (const file of files) {
    const reused = reuse(file);
    if (reused) {
      for (const spec of reused.specs) collectSecretValues(secretExampleOf(spec.value), secrets);
      specs.push(...reused.specs);
      diagnostics.push(...reused.diagnostics);
      continue;
    }
    const before = diagnostics.length;
    const { files: read } = graph.record(() => loadFile(file, graph, evaluator, specs, diagnostics, secrets));
    dependencies.set(file, read);
    fileDiagnostics.set(file, diagnostics.slice(before));
    // Values and positions are plain data now: drop the syntax tree (a 1,000-spec run would keep them all).
    graph.release(file);
  }
  // Files the specs import but that are not specs themselves (e.g. shared constants outside the
  // specs folder): a syntax error there would otherwise be evaluated from a recovered tree, silently.
  const specFiles = new Set(files);
  for (const file of graph.files()) {
    if (specFiles.has(file)) continue;
    const module = graph.tryGet(file);
    if (isModule(module)) diagnostics.push(...module.problems);
    else diagnostics.push(module);
  }
  const masked = new Map<string, string>();
  const sourceText = (file: string): string | undefined => {
    let text = masked.get(file);
    if (text === undefined) {
      try {
        text = maskSecrets(readInputText(file, graph.boundary, { lossy: true }), secrets);
      } catch {
        return undefined;
      }
      masked.set(file, text);
    }
    return text;
  };
  return { specs, diagnostics, files: graph.files(), sourceText, dependencies, fileDiagnostics };
}

function loadFile(file: string, graph: ModuleGraph, evaluator: StaticEvaluator, specs: LoadedSpec[], diagnostics: Diagnostic[], secrets: Set<string>): void {
  let module: ParsedModule;
  try {
    module = graph.get(file);
  } catch (error) {
    if (error instanceof InputFileError) diagnostics.push(error.diagnostic);
    else diagnostics.push({ code: 'CG100', severity: 'error', file, message: `cannot read spec file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    return;
  }
  const exportedLocals = localExports(module.sourceFile);
  const read = new Set<ts.Node>();
  for (const statement of module.sourceFile.statements) {
    for (const found of specCalls(statement, exportedLocals)) {
      collectSecretLiterals(found.call, secrets);
      read.add(found.call);
    }
  }
  if (module.problems.length > 0) {
    diagnostics.push(...module.problems);
    return;
  }
  diagnostics.push(...strayDefineCalls(module.sourceFile, DEFINE_CALLEES, read));
  for (const statement of module.sourceFile.statements) {
    for (const found of specCalls(statement, exportedLocals)) {
      const kind = DEFINE_FUNCTIONS[found.callee]!;
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
      const spec = loadCall(evaluator, module, statement, found.call, kind, found.exportName, diagnostics);
      if (spec) {
        specs.push(spec);
        collectSecretValues(secretExampleOf(spec.value), secrets);
      }
    }
  }
}

/**
 * The string literals written inline under `secretSchema: { example: ... }` of a define call, read
 * from the syntax tree: they are masked even when the spec cannot be evaluated (syntax error, CG101).
 */
function collectSecretLiterals(call: ts.CallExpression, into: Set<string>): void {
  const property = (node: ts.Node | undefined, name: string) =>
    node && ts.isObjectLiteralExpression(node)
      ? node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && p.name.text === name)?.initializer
      : undefined;
  const example = property(property(call.arguments[0], 'secretSchema'), 'example');
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) into.add(node.text);
    else node.forEachChild(visit);
  };
  if (example) visit(example);
}

/** Local names exported by an export clause (`export { spec }`, `export { spec as twilio }`) or `export default spec`. */
function localExports(sourceFile: ts.SourceFile): Map<string, string> {
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
  statement: ts.Statement,
  call: ts.CallExpression,
  kind: SpecKind,
  exportName: string,
  diagnostics: Diagnostic[],
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
  });
}

interface SpecCall {
  readonly callee: string;
  readonly call: ts.CallExpression;
  readonly exportName?: string;
}

/** The define calls a top-level statement makes: `export const x = defineIntegration({...})` or `export default defineCapability({...})`. */
function specCalls(statement: ts.Statement, exportedLocals: ReadonlyMap<string, string>): SpecCall[] {
  const asCall = (expression: ts.Expression | undefined): ts.CallExpression | undefined => {
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
      return [{ callee: (call.expression as ts.Identifier).text, call, exportName: exported ? name : exportedLocals.get(name) }];
    });
  }
  if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
    const call = asCall(statement.expression);
    return call ? [{ callee: (call.expression as ts.Identifier).text, call, exportName: 'default' }] : [];
  }
  if (ts.isExpressionStatement(statement)) {
    const call = asCall(statement.expression);
    return call ? [{ callee: (call.expression as ts.Identifier).text, call }] : [];
  }
  return [];
}
