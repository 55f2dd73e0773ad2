/**
 * Reads `contractgen.config.ts` without running it: its default export (or a named `config`
 * export), optionally wrapped in `defineConfig(...)`, evaluated statically like a spec. Plain node
 * cannot import TypeScript, and a config has no reason to compute anything.
 */
import { dirname } from 'node:path';
import { ts, type TS } from '../load/typescript.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { StaticEvaluator, type EvaluationSink } from '../load/evaluate.js';
import { InputBoundary } from '../fs/input-boundary.js';
import { isModule, ModuleGraph } from '../load/modules.js';
import { ConfigError } from './error.js';

export function readTsConfig(file: string): unknown {
  // The project is the config's folder: what the config imports must be inside it too.
  const graph = new ModuleGraph(new InputBoundary([dirname(file)], []));
  const module = graph.tryGet(file);
  if (!isModule(module)) throw configError(file, module);
  const [unparsable] = module.problems;
  if (unparsable) throw configError(file, unparsable);
  const exported = configExpression(module.sourceFile);
  if (!exported) throw new ConfigError(file, 'no config found: write `export default defineConfig({ ... })`');
  const sink: EvaluationSink = { positions: new Map(), diagnostics: [] };
  const value = new StaticEvaluator(graph).evaluate(unwrap(exported), module, [], sink);
  const [problem] = sink.diagnostics;
  if (problem) throw configError(file, { ...problem, message: `${problem.message}${problem.hint ? ` (${problem.hint})` : ''}` });
  return value;
}

function configError(file: string, problem: Diagnostic): ConfigError {
  return new ConfigError(file, problem.message, problem.line === undefined ? undefined : { line: problem.line, column: problem.column ?? 1 });
}

function configExpression(sourceFile: TS.SourceFile): TS.Expression | undefined {
  let named: TS.Expression | undefined;
  for (const statement of sourceFile.statements) {
    if (ts.isExportAssignment(statement) && !statement.isExportEquals) return statement.expression;
    if (ts.isVariableStatement(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === 'config') named = declaration.initializer;
      }
    }
  }
  return named;
}

/** `defineConfig({...})` (a typing helper that returns its argument) is read as its argument. */
function unwrap(expression: TS.Expression): TS.Expression {
  let node = expression;
  while (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineConfig' && node.arguments.length === 1) return node.arguments[0]!;
  return expression;
}

