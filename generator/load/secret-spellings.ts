/**
 * How a spec's secret example is spelled in its sources. Code frames and the docs' Source Definition
 * quote source text, where a secret may be written with escapes (`'SK9f\x56b7...'`), split into
 * concatenated pieces or constants, or as a template literal: searching the text for the decoded
 * value misses all of those. So the literals the example is made of are found in the syntax tree
 * (inline, or through the constants, spreads and imports it names, in whatever file they are) and
 * each literal's own source text is masked, as well as its decoded value (which a comment may repeat).
 * Read from the syntax alone, so a spec that cannot be evaluated (CG101) is masked too.
 */
import { ts, type TS } from './typescript.js';
import type { ModuleGraph, ParsedModule } from './modules.js';

/** The source text of one literal a secret example is made of, and its decoded value. */
export interface SecretSpelling {
  /** As written between its quotes or backticks (escapes and all). */
  readonly raw: string;
  readonly value: string;
}

/** The spellings of the literals under `secretSchema.example` of a define call's argument. */
export function secretSpellings(call: TS.CallExpression, module: ParsedModule, graph: ModuleGraph): SecretSpelling[] {
  const found: SecretSpelling[] = [];
  const visited = new Set<TS.Node>();
  const examples = properties(call.arguments[0], module, 'secretSchema', graph, visited).flatMap((schema) => properties(schema.node, schema.module, 'example', graph, visited));
  for (const example of examples) literalsIn(example.node, example.module, graph, visited, found);
  return found;
}

interface Located {
  readonly node: TS.Node;
  readonly module: ParsedModule;
}

/** The values of property `name` of an object expression: written in it, spread into it, or behind the constants it names. */
function properties(node: TS.Node | undefined, module: ParsedModule, name: string, graph: ModuleGraph, visited: Set<TS.Node>): Located[] {
  const target = node && resolved(unwrapped(node), module, graph, visited);
  if (!target || !ts.isObjectLiteralExpression(target.node)) return [];
  const found: Located[] = [];
  for (const property of target.node.properties) {
    if (ts.isSpreadAssignment(property)) found.push(...properties(property.expression, target.module, name, graph, visited));
    else if (ts.isPropertyAssignment(property) && !ts.isComputedPropertyName(property.name) && property.name.text === name) found.push({ node: property.initializer, module: target.module });
    else if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) found.push({ node: property.name, module: target.module });
  }
  return found;
}

/** Through `as const`, `satisfies` and parentheses. */
function unwrapped(node: TS.Node): TS.Node {
  let current = node;
  while (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isParenthesizedExpression(current) || ts.isTypeAssertionExpression(current) || ts.isNonNullExpression(current)) current = current.expression;
  return current;
}

/** An identifier (or namespace member) as the initializer of the constant it names, once; anything else as it is. */
function resolved(node: TS.Node, module: ParsedModule, graph: ModuleGraph, visited: Set<TS.Node>): Located | undefined {
  let binding;
  if (ts.isIdentifier(node)) binding = graph.lookupLocal(module, node.text);
  else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
    const namespace = graph.lookupLocal(module, node.expression.text);
    if (namespace?.kind === 'namespace') binding = graph.lookupExport(namespace.module, node.name.text);
  } else return { node, module };
  if (binding?.kind !== 'const' || !binding.declaration.initializer || visited.has(binding.declaration)) return undefined;
  visited.add(binding.declaration);
  return { node: unwrapped(binding.declaration.initializer), module: binding.module };
}

/** Every string literal (and template part) in `node`, and in the constants and enums it names. */
function literalsIn(node: TS.Node, module: ParsedModule, graph: ModuleGraph, visited: Set<TS.Node>, found: SecretSpelling[]): void {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    found.push({ raw: node.getText(module.sourceFile).slice(1, -1), value: node.text });
    return;
  }
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
    found.push({ raw: node.rawText ?? node.text, value: node.text });
    return;
  }
  if (ts.isIdentifier(node)) {
    const target = resolved(node, module, graph, visited);
    if (target) literalsIn(target.node, target.module, graph, visited, found);
    return;
  }
  if (ts.isPropertyAccessExpression(node)) {
    // A namespace's constant, an enum's members, or else every literal of the object it reads from.
    const target = ts.isIdentifier(node.expression) ? resolved(node, module, graph, visited) : undefined;
    if (target) literalsIn(target.node, target.module, graph, visited, found);
    else if (!enumMembers(node, module, graph, visited, found)) literalsIn(node.expression, module, graph, visited, found);
    return;
  }
  node.forEachChild((child) => literalsIn(child, module, graph, visited, found));
}

/** `Enum.Member` written as a secret: the enum's string members. Whether the expression names an enum. */
function enumMembers(node: TS.PropertyAccessExpression, module: ParsedModule, graph: ModuleGraph, visited: Set<TS.Node>, found: SecretSpelling[]): boolean {
  const binding = ts.isIdentifier(node.expression) ? graph.lookupLocal(module, node.expression.text) : undefined;
  if (binding?.kind !== 'enum') return false;
  if (visited.has(binding.declaration)) return true;
  visited.add(binding.declaration);
  for (const member of binding.declaration.members) if (member.initializer) literalsIn(member.initializer, binding.module, graph, visited, found);
  return true;
}
