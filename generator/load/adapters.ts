/**
 * Finds hand-written adapters: exported constants initialised by `defineAdapter({ integration: '<key>', ... })`,
 * or by `definePartialAdapter(...)` (beside an HTTP binding, it implements only what it overrides).
 * Read statically like specs, so binding an adapter never runs its code (or loads its SDK).
 */
import { ts } from './typescript.js';
import type { Diagnostic, SourcePosition } from '../diagnostics/index.js';
import { literalString } from './literal-properties.js';
import { isModule, positionOfNode, type ModuleGraph } from './modules.js';

export interface AdapterBinding {
  readonly integration: string;
  /** The adapter's source file; for a package's adapter, the package.json that declares it. */
  readonly file: string;
  readonly exportName: string;
  readonly position: SourcePosition;
  /** Set for a package's adapter: the module specifier generated code imports it from (`@contractgen/twilio/sms`). */
  readonly specifier?: string;
  /** Declared with definePartialAdapter: it serves only what the spec's HTTP binding leaves out. */
  readonly partial?: true;
}

/** The functions that declare an adapter, and whether the adapter they declare may be partial. */
const DECLARATIONS: Readonly<Record<string, boolean>> = { defineAdapter: false, definePartialAdapter: true };

export function findAdapters(files: readonly string[], graph: ModuleGraph): { adapters: AdapterBinding[]; diagnostics: Diagnostic[] } {
  const adapters: AdapterBinding[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const module = graph.tryGet(file);
    if (!isModule(module)) {
      diagnostics.push(module);
      continue;
    }
    if (!/define(?:Partial)?Adapter/.test(module.text)) continue;
    for (const statement of module.sourceFile.statements) {
      if (!ts.isVariableStatement(statement) || !ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      for (const declaration of statement.declarationList.declarations) {
        const call = declaration.initializer;
        if (!call || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || !Object.hasOwn(DECLARATIONS, call.expression.text)) continue;
        const declaredBy = call.expression.text;
        const argument = call.arguments[0];
        const key = literalString(argument, ['integration']);
        if (key === undefined) {
          diagnostics.push({ code: 'CG140', severity: 'error', message: `${declaredBy} needs an object literal with \`integration\` as a string literal`, ...positionOfNode(call) });
          continue;
        }
        adapters.push({ integration: key, file, exportName: declaration.name.getText(), position: positionOfNode(declaration), ...(DECLARATIONS[declaredBy] && { partial: true as const }) });
      }
    }
  }
  return { adapters, diagnostics };
}
