/**
 * Reads `contractgen.config.ts` without running it: its default export (or a named `config`
 * export), optionally wrapped in `defineConfig(...)`, evaluated statically like a spec. Plain node
 * cannot import TypeScript, and a config has no reason to compute anything.
 */
import { ts, type TS } from '../load/typescript.js';
import { StaticEvaluator, type EvaluationSink } from '../load/evaluate.js';
import { ModuleGraph } from '../load/modules.js';
import { ConfigError } from './find.js';

export function readTsConfig(file: string): unknown {
  const graph = new ModuleGraph();
  const module = graph.get(file);
  const [syntax] = module.syntaxErrors;
  if (syntax) throw new ConfigError(file, `syntax error: ${syntax.message}`, syntax.position);
  const exported = configExpression(module.sourceFile);
  if (!exported) throw new ConfigError(file, 'no config found: write `export default defineConfig({ ... })`');
  const sink: EvaluationSink = { positions: new Map(), diagnostics: [] };
  const value = new StaticEvaluator(graph).evaluate(unwrap(exported), module, [], sink);
  const [problem] = sink.diagnostics;
  if (problem) throw new ConfigError(file, `${problem.message}${problem.hint ? ` (${problem.hint})` : ''}`, problem.line === undefined ? undefined : { line: problem.line, column: problem.column ?? 1 });
  return value;
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

