/**
 * Reading a property of an object literal from its syntax alone, without evaluating anything:
 * what names an adapter's integration, and a spec's key when its spec could not be evaluated (a
 * syntax error elsewhere in the file, a value that is not static).
 */
import { ts, type TS } from './typescript.js';

/** The initializer of the first `name: ...` property, through `as`, `satisfies` and parentheses. */
function propertyValue(object: TS.ObjectLiteralExpression, name: string): TS.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === name) {
      let value = property.initializer;
      while (ts.isAsExpression(value) || ts.isSatisfiesExpression(value) || ts.isParenthesizedExpression(value)) value = value.expression;
      return value;
    }
  }
  return undefined;
}

/** The text of a string-literal property at `path` (`['meta', 'key']`), when every step is written literally. */
export function literalString(node: TS.Node | undefined, path: readonly string[]): string | undefined {
  let value: TS.Node | undefined = node;
  for (const name of path) value = value && ts.isObjectLiteralExpression(value) ? propertyValue(value, name) : undefined;
  return value && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) ? value.text : undefined;
}
