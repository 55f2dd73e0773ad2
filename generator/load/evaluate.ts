/**
 * Static evaluation of a spec's object literal: the values a spec may contain, computed from
 * the syntax tree alone. Whatever cannot be known without running code is reported, never guessed.
 */
import { basename } from 'node:path';
import { ts, type TS } from './typescript.js';
import type { Diagnostic, ErrorCode, SourcePosition } from '../diagnostics/index.js';
import { MAX_EXPRESSION_DEPTH, MAX_VALUE_DEPTH } from './limits.js';
import { pathKey, type ValuePath } from './model.js';
import { positionOfNode, type Binding, type ModuleGraph, type ParsedModule } from './modules.js';

/** Where evaluated values record their source positions and their problems. */
export interface EvaluationSink {
  readonly positions: Map<string, SourcePosition>;
  readonly diagnostics: Diagnostic[];
}

const NOT_STATIC = Symbol('not static');
const TOO_DEEP_HINT = 'a spec is data a person reads: flatten it';
type Value = unknown;

export class StaticEvaluator {
  /** Declarations being evaluated right now: a const that reaches itself is a cycle, not a stack overflow. */
  private readonly active = new Set<TS.Node>();
  /** Objects and arrays open right now, and expressions: both bounded (limits.ts), so evaluation never overflows the stack. */
  private valueDepth = 0;
  private expressionDepth = 0;

  constructor(private readonly graph: ModuleGraph) {}

  evaluate(node: TS.Expression, module: ParsedModule, path: ValuePath, sink: EvaluationSink): Value {
    sink.positions.set(pathKey(path), positionOfNode(node));
    const value = this.value(node, module, path, sink);
    return value === NOT_STATIC ? undefined : value;
  }

  private value(node: TS.Expression, module: ParsedModule, path: ValuePath, sink: EvaluationSink): Value {
    if (this.expressionDepth >= MAX_EXPRESSION_DEPTH) {
      return this.fail(node, sink, `this expression is nested more than ${MAX_EXPRESSION_DEPTH} levels deep (values, constants referring to constants, parentheses)`, TOO_DEEP_HINT, 'CG105');
    }
    this.expressionDepth++;
    try {
      return this.expression(node, module, path, sink);
    } finally {
      this.expressionDepth--;
    }
  }

  private expression(node: TS.Expression, module: ParsedModule, path: ValuePath, sink: EvaluationSink): Value {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isNumericLiteral(node)) return this.finite(Number(node.text), node, sink);
    if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (node.kind === ts.SyntaxKind.NullKeyword) return null;
    if (isTransparent(node)) return this.value(node.expression, module, path, sink);
    if (ts.isPrefixUnaryExpression(node) && (node.operator === ts.SyntaxKind.MinusToken || node.operator === ts.SyntaxKind.PlusToken)) {
      const operand = this.value(node.operand, module, path, sink);
      if (typeof operand === 'number') return node.operator === ts.SyntaxKind.MinusToken ? -operand : operand;
      return operand === NOT_STATIC ? NOT_STATIC : this.fail(node, sink, 'a sign applies only to numbers');
    }
    if (ts.isArrayLiteralExpression(node) || ts.isObjectLiteralExpression(node)) {
      if (this.valueDepth >= MAX_VALUE_DEPTH) return this.fail(node, sink, `objects and arrays nest more than ${MAX_VALUE_DEPTH} levels deep here`, TOO_DEEP_HINT, 'CG105');
      this.valueDepth++;
      try {
        return ts.isArrayLiteralExpression(node) ? this.array(node, module, path, sink) : this.object(node, module, path, sink);
      } finally {
        this.valueDepth--;
      }
    }
    if (ts.isIdentifier(node)) return this.identifier(node, module, path, sink);
    if (ts.isPropertyAccessExpression(node)) return this.propertyAccess(node, module, path, sink);
    if (ts.isTemplateExpression(node)) {
      return this.fail(node, sink, 'a template literal with ${...} substitutions is not static', 'write the whole string out, or use a plain string');
    }
    return this.fail(node, sink, `${describe(node)} is not a static value`, 'specs are read without running them: use literals, consts, enums and spreads');
  }

  private array(node: TS.ArrayLiteralExpression, module: ParsedModule, path: ValuePath, sink: EvaluationSink): Value {
    const items: Value[] = [];
    for (const element of node.elements) {
      if (ts.isSpreadElement(element)) {
        const spread = this.scratch(element.expression, module, sink);
        if (spread.value === NOT_STATIC) return NOT_STATIC;
        if (!Array.isArray(spread.value)) return this.fail(element, sink, 'only an array can be spread into an array');
        for (const [i, item] of spread.value.entries()) {
          spread.copyTo([...path, items.length], [i]);
          items.push(item);
        }
      } else if (ts.isOmittedExpression(element)) {
        return this.fail(element, sink, 'an array hole is not a value');
      } else {
        const itemPath = [...path, items.length];
        sink.positions.set(pathKey(itemPath), positionOfNode(element));
        const item = this.value(element, module, itemPath, sink);
        if (item === NOT_STATIC) return NOT_STATIC;
        items.push(item);
      }
    }
    return items;
  }

  private object(node: TS.ObjectLiteralExpression, module: ParsedModule, path: ValuePath, sink: EvaluationSink): Value {
    const result: Record<string, Value> = {};
    let failed = false;
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = this.scratch(property.expression, module, sink);
        if (spread.value === NOT_STATIC) failed = true;
        else if (spread.value === null || typeof spread.value !== 'object' || Array.isArray(spread.value)) {
          failed = this.fail(property, sink, 'only an object can be spread into an object') === NOT_STATIC;
        } else {
          for (const [key, value] of Object.entries(spread.value)) {
            // A key set earlier is replaced whole: its old nested positions must not outlive it.
            if (Object.hasOwn(result, key)) forget(sink, [...path, key]);
            spread.copyTo([...path, key], [key]);
            defineData(result, key, value);
          }
        }
        continue;
      }
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) {
        failed = this.fail(property, sink, `${describe(property)} is not a static value`, 'use `name: value` properties') === NOT_STATIC;
        continue;
      }
      const name = propertyName(property.name);
      if (name === undefined) {
        failed = this.fail(property.name, sink, 'a computed property name is not static', 'write the key out as a plain name or string') === NOT_STATIC;
        continue;
      }
      const propertyPath = [...path, name];
      if (Object.hasOwn(result, name)) forget(sink, propertyPath);
      sink.positions.set(pathKey(propertyPath), positionOfNode(property));
      const value = ts.isShorthandPropertyAssignment(property)
        ? this.identifier(property.name, module, propertyPath, sink)
        : this.value(property.initializer, module, propertyPath, sink);
      if (value === NOT_STATIC) failed = true;
      else defineData(result, name, value);
    }
    return failed ? NOT_STATIC : result;
  }

  private identifier(node: TS.Identifier, module: ParsedModule, path: ValuePath, sink: EvaluationSink): Value {
    if (node.text === 'undefined') return this.fail(node, sink, '`undefined` is not a value a spec can hold', 'leave the field out instead');
    const binding = this.graph.lookupLocal(module, node.text);
    if (!binding) return this.fail(node, sink, `cannot find "${node.text}" in this file or its imports`);
    return this.binding(binding, node, path, sink);
  }

  private binding(binding: Binding, at: TS.Node, path: ValuePath, sink: EvaluationSink): Value {
    switch (binding.kind) {
      case 'const': {
        const { declaration, module } = binding;
        if (!declaration.initializer) return this.fail(at, sink, `"${declaration.name.getText()}" has no value`);
        if (this.active.has(declaration)) return this.fail(at, sink, `"${declaration.name.getText()}" refers to itself`);
        this.active.add(declaration);
        const reported = sink.diagnostics.length;
        try {
          const value = this.value(declaration.initializer, module, path, sink);
          if (value === NOT_STATIC) pointAtUse(sink, reported, declaration, at);
          return value;
        } finally {
          this.active.delete(declaration);
        }
      }
      case 'enum':
        return this.fail(at, sink, 'an enum itself is not a value; use one of its members, e.g. StabilityEnum.Beta');
      case 'namespace':
        return this.fail(at, sink, 'a module namespace is not a value; use one of its exports');
      case 'other':
        return binding.code ? this.fail(at, sink, binding.why, undefined, binding.code) : this.fail(at, sink, `${binding.why} and cannot be read statically`);
    }
  }

  private propertyAccess(node: TS.PropertyAccessExpression, module: ParsedModule, path: ValuePath, sink: EvaluationSink): Value {
    const member = node.name.text;
    const target = this.reference(node.expression, module);
    if (target?.kind === 'enum') {
      const value = enumMember(target.declaration, member);
      if (value === undefined) return this.fail(node.name, sink, `enum ${target.declaration.name.text} has no static member "${member}"`);
      return typeof value === 'number' ? this.finite(value, node, sink) : value;
    }
    if (target?.kind === 'namespace') {
      const exported = this.graph.lookupExport(target.module, member);
      return exported ? this.binding(exported, node, path, sink) : this.fail(node.name, sink, `the imported module has no export "${member}"`);
    }
    const object = this.scratch(node.expression, module, sink);
    if (object.value === NOT_STATIC) return NOT_STATIC;
    if (object.value !== null && typeof object.value === 'object' && Object.hasOwn(object.value, member)) {
      object.copyTo(path, [member]);
      return (object.value as Record<string, Value>)[member];
    }
    return this.fail(node.name, sink, `"${member}" is not a property of that value`);
  }

  /** The binding an expression names (identifier or namespace member), for enum and namespace access. */
  private reference(node: TS.Expression, module: ParsedModule): Binding | undefined {
    if (ts.isIdentifier(node)) return this.graph.lookupLocal(module, node.text);
    if (ts.isPropertyAccessExpression(node)) {
      const left = this.reference(node.expression, module);
      if (left?.kind === 'namespace') return this.graph.lookupExport(left.module, node.name.text);
    }
    return undefined;
  }

  /** Evaluates into a private position map, so part of the result can be re-homed under another path. */
  private scratch(node: TS.Expression, module: ParsedModule, sink: EvaluationSink) {
    const positions = new Map<string, SourcePosition>();
    const value = this.value(node, module, [], { positions, diagnostics: sink.diagnostics });
    return {
      value,
      copyTo(path: ValuePath, from: ValuePath) {
        const prefix = pathKey(from);
        const target = pathKey(path);
        for (const [key, position] of positions) {
          if (key === prefix) sink.positions.set(target, position);
          else if (key.startsWith(prefix + '\u0000')) {
            // Below the root (path []), a child's key has no leading separator.
            const rest = key.slice(prefix.length + 1);
            sink.positions.set(target === '' && path.length === 0 ? rest : `${target}\u0000${rest}`, position);
          }
        }
      },
    };
  }

  /** A number no generated file or JSON can hold (`1e400` is Infinity) is refused where it is written. */
  private finite(value: number, node: TS.Node, sink: EvaluationSink): Value {
    if (Number.isFinite(value)) return value;
    return this.fail(node, sink, `${node.getText().slice(0, 40)} is not a finite number (beyond ±1.8e308, it would be ${value})`, 'write a number within range', 'CG106');
  }

  private fail(node: TS.Node, sink: EvaluationSink, message: string, hint?: string, code: ErrorCode = 'CG101'): typeof NOT_STATIC {
    sink.diagnostics.push({ code, severity: 'error', message, hint, ...positionOfNode(node) });
    return NOT_STATIC;
  }
}

/**
 * A const whose value as a whole cannot be read (`const acme = defineIntegration({...})`, a call) is
 * reported where a spec uses it (`...acme`), saying where its value is: at the declaration, the
 * diagnostic would point at code that is fine in itself. A problem inside the value (one property
 * of a shared object) stays where it is.
 */
function pointAtUse(sink: EvaluationSink, since: number, declaration: TS.VariableDeclaration, use: TS.Node): void {
  const whole = positionOfNode(unwrapped(declaration.initializer!));
  const at = positionOfNode(use);
  for (let i = since; i < sink.diagnostics.length; i++) {
    const found = sink.diagnostics[i]!;
    // CG101 only: a limit reached at the value (CG105, too deep) is where the nesting is.
    if (found.code !== 'CG101' || found.file !== whole.file || found.line !== whole.line || found.column !== whole.column) continue;
    // The file is named even when it is the use's: the message may be moved on to a use elsewhere.
    sink.diagnostics[i] = { ...found, ...at, message: `"${declaration.name.getText()}" (${basename(whole.file)}:${whole.line}) cannot be read statically: ${found.message}` };
  }
}

/** What evaluation sees through to the expression inside: parentheses, `as`, `satisfies`, `<T>`, `!`. */
function isTransparent(node: TS.Expression): node is TS.ParenthesizedExpression | TS.AsExpression | TS.SatisfiesExpression | TS.TypeAssertion | TS.NonNullExpression {
  return ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node);
}

/** The expression inside what evaluation sees through: where its failure is reported. */
function unwrapped(node: TS.Expression): TS.Expression {
  while (isTransparent(node)) node = node.expression;
  return node;
}

/** Drops the recorded positions below `path` (not `path` itself), when the value there is replaced. */
function forget(sink: EvaluationSink, path: ValuePath): void {
  const prefix = pathKey(path) + '\u0000';
  for (const key of sink.positions.keys()) if (key.startsWith(prefix)) sink.positions.delete(key);
}

/** defineProperty, not assignment: a key named "__proto__" is data here, never a prototype change. */
function defineData(target: Record<string, Value>, key: string, value: Value): void {
  // Only `__proto__` is an accessor on a plain object; every other key assigns as data (and faster).
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function propertyName(name: TS.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isNumericLiteral(name)) return String(Number(name.text));
  return undefined;
}

/** An enum member's runtime value, following TypeScript's rules for literal and auto-numbered members. */
function enumMember(declaration: TS.EnumDeclaration, name: string): string | number | undefined {
  const values = new Map<string, string | number>();
  let next: number | undefined = 0;
  for (const member of declaration.members) {
    const memberName = propertyName(member.name as TS.PropertyName);
    let value: string | number | undefined;
    const init = member.initializer;
    if (!init) value = next;
    else if (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) value = init.text;
    else if (ts.isNumericLiteral(init)) value = Number(init.text);
    else if (ts.isPrefixUnaryExpression(init) && init.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(init.operand)) value = -Number(init.operand.text);
    else if (ts.isIdentifier(init)) value = values.get(init.text);
    next = typeof value === 'number' ? value + 1 : undefined;
    if (memberName !== undefined && value !== undefined) values.set(memberName, value);
  }
  return values.get(name);
}

function describe(node: TS.Node): string {
  if (ts.isCallExpression(node)) return `a function call (${node.expression.getText().slice(0, 40)}(...))`;
  if (ts.isNewExpression(node)) return 'a `new` expression';
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node)) return 'a function';
  if (ts.isGetAccessor(node) || ts.isSetAccessor(node)) return 'an accessor';
  if (ts.isBinaryExpression(node)) return `an expression (${ts.tokenToString(node.operatorToken.kind) ?? 'operator'})`;
  if (ts.isConditionalExpression(node)) return 'a conditional expression';
  if (ts.isElementAccessExpression(node)) return 'an element access';
  if (ts.isRegularExpressionLiteral(node)) return 'a regular expression';
  if (ts.isTaggedTemplateExpression(node)) return 'a tagged template';
  if (ts.isAwaitExpression(node)) return 'an await expression';
  return `a ${ts.SyntaxKind[node.kind]}`;
}
