/**
 * Define calls the loader does not read. A spec is read only from `export const x = defineX({...})`
 * or `export default defineX({...})` at the top level; one anywhere else (`module.exports = ...`,
 * inside an array or a function) would otherwise be skipped without a word, and its integration
 * silently missing from the output.
 */
import { ts, type TS } from './typescript.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { positionOfNode } from './positions.js';

const HINT = 'write `export const mySpec = defineIntegration({ ... })` at the top level of the spec file';

/** CG107 for each call to one of `callees` that is not in `read` (the calls the loader reads) nor inside one. */
export function strayDefineCalls(sourceFile: TS.SourceFile, callees: ReadonlySet<string>, read: ReadonlySet<TS.Node>): Diagnostic[] {
  const found: Diagnostic[] = [];
  // An explicit stack, not recursion: a deeply nested file must not overflow the stack here either.
  const pending: TS.Node[] = [sourceFile];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (read.has(node)) continue;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && callees.has(node.expression.text)) {
      const name = node.expression.text;
      const commonJs = commonJsExport(node);
      found.push({
        code: 'CG107',
        severity: 'error',
        message: commonJs
          ? `\`${commonJs} = ${name}(...)\` is a CommonJS export, which contractgen does not read, so this spec would not be generated`
          : `${name}(...) is only read as the value of a top-level exported const or of \`export default\`; here it would not be generated`,
        hint: HINT,
        ...positionOfNode(node),
      });
      continue;
    }
    node.forEachChild((child) => void pending.push(child));
  }
  return found;
}

/** `module.exports`, `module.exports.x` or `exports.x` when `call` is (wrapped in) what is assigned to it. */
function commonJsExport(call: TS.CallExpression): string | undefined {
  let node: TS.Node = call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (!ts.isBinaryExpression(parent) || parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken || parent.right !== node) return undefined;
  const target = parent.left.getText();
  return /^(module\.exports|exports)\b/.test(target) ? target : undefined;
}
