/**
 * load: finds each exported `defineIntegration(...)` / `defineCapability(...)` call in the spec
 * files and evaluates its object literal statically, keeping every value's source position.
 */
import { ts } from 'ts-morph';
import type { Diagnostic, SourcePosition } from '../diagnostics.js';
import { StaticEvaluator, type EvaluationSink } from './evaluate.js';
import { pathKey, type LoadedSpec, type SpecKind, type ValuePath } from './model.js';
import { ModuleGraph, positionOfNode, type ParsedModule } from './modules.js';

const DEFINE_FUNCTIONS: Record<string, SpecKind> = { defineIntegration: 'integration', defineCapability: 'capability' };

export interface LoadResult {
  readonly specs: LoadedSpec[];
  readonly diagnostics: Diagnostic[];
  /** Every source file read: the spec files and the files they import (for watch mode and caching). */
  readonly files: string[];
  /** File text by path, for code frames. */
  readonly sourceText: (file: string) => string | undefined;
}

export function loadSpecs(files: readonly string[], graph = new ModuleGraph()): LoadResult {
  const evaluator = new StaticEvaluator(graph);
  const specs: LoadedSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    let module: ParsedModule;
    try {
      module = graph.get(file);
    } catch (error) {
      diagnostics.push({ code: 'CG100', severity: 'error', file, message: `cannot read spec file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      continue;
    }
    if (module.syntaxErrors.length > 0) {
      for (const { position, message } of module.syntaxErrors) diagnostics.push({ code: 'CG100', severity: 'error', message: `syntax error: ${message}`, ...position });
      continue;
    }
    for (const statement of module.sourceFile.statements) {
      for (const found of specCalls(statement)) {
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
        if (spec) specs.push(spec);
      }
    }
  }
  return { specs, diagnostics, files: graph.files(), sourceText: (file) => (graph.files().includes(file) ? graph.get(file).text : undefined) };
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
  const fallback = positionOfNode(argument);
  return {
    kind,
    file: module.file,
    exportName,
    value,
    positionOf: (path) => nearestPosition(sink.positions, path, fallback),
    source: module.text.slice(statement.getStart(module.sourceFile), statement.getEnd()),
  };
}

/** The position of the deepest recorded ancestor of `path`: a missing field points at its parent object. */
function nearestPosition(positions: Map<string, SourcePosition>, path: ValuePath, fallback: SourcePosition): SourcePosition {
  for (let length = path.length; length >= 0; length--) {
    const position = positions.get(pathKey(path.slice(0, length)));
    if (position) return position;
  }
  return fallback;
}

interface SpecCall {
  readonly callee: string;
  readonly call: ts.CallExpression;
  readonly exportName?: string;
}

/** The define calls a top-level statement makes: `export const x = defineIntegration({...})` or `export default defineCapability({...})`. */
function specCalls(statement: ts.Statement): SpecCall[] {
  const asCall = (expression: ts.Expression | undefined): ts.CallExpression | undefined => {
    let node = expression;
    while (node && (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node))) node = node.expression;
    return node && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text in DEFINE_FUNCTIONS ? node : undefined;
  };
  if (ts.isVariableStatement(statement)) {
    const exported = ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
    return statement.declarationList.declarations.flatMap((declaration) => {
      const call = asCall(declaration.initializer);
      if (!call) return [];
      return [{ callee: (call.expression as ts.Identifier).text, call, exportName: exported ? declaration.name.getText() : undefined }];
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
