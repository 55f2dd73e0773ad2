/**
 * The inputs that have broken spec loaders and code generators: extreme numbers, strings with
 * NUL, control, bidi and non-BMP characters or comment/template terminators, keys named like
 * Object.prototype members, JSON Schema references, and deep nesting. Shared by the mutation
 * fuzzer (which splices them into real specs) and the property-based one (which builds specs from them).
 */

/** Numbers as TypeScript source: beyond the double range, denormal, negative zero, unsafe integers, other notations. */
export const EXTREME_NUMBERS = ['1e400', '-1e400', '1.7976931348623157e308', '5e-324', '-0', '0', '0.5', '-1', '9007199254740993', '0x1F', '1_000', '.5', '1e-400', 'NaN', 'Infinity', '2e308'] as const;

/** Strings as values: each is written to source with JSON escaping, or raw inside single quotes. */
export const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u0008\u000b\u000c\u001b[31mred\u001b[0m',
  '\u007f\u0080\u0085\u009b\u009f',
  'line\nbreak\r\nand\rcarriage',
  '\u2028\u2029',
  '\u202eevil\u202c \u2066isolate\u2069 \u200e\u200f\u061c',
  '\ud800',
  '\udfff\ud800',
  '😀🚀 日本語 Ωμέγα',
  '\ufeffbom',
  '*/ /* */',
  '${injected}',
  '`backtick`',
  "'single' \"double\"",
  '\\',
  '</script><script>alert(1)</script>',
  '| pipe | ` code ` [link](x) **b** # h',
  '{{mustache}} {{{triple}}}',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '#',
  '#/definitions/missing',
  'https://example.com/\u0000',
  'x'.repeat(5000),
] as const;

/** Property names: Object.prototype members, empty, numeric, with separators and controls. */
export const ODD_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', '', ' ', '0', '-1', '1e400', 'a.b', 'a/b', '~0', '$ref', 'a\u0000b', '\u001b[31m', '\u2028', '*/', '日本'] as const;

/** `$ref` targets: the root, missing, external, prototype paths. */
export const ODD_REFS = ['#', '#/', '#/definitions/a', '#/properties/a', '#/__proto__', '#/constructor', 'http://example.com/schema', 'other.json#/a', '#a', ''] as const;

/** Patterns: valid, invalid, and needing the `u` flag. */
export const ODD_PATTERNS = ['^a$', '(', '[', '\\', '\\u{1F600}', '(?<n>a)\\k<n>', '.*'.repeat(50), '\\p{L}'] as const;

/** Nesting depths around every limit (64 values, 128 brackets) and beyond what parsers survive. */
export const NESTING_DEPTHS = [3, 30, 63, 64, 65, 100, 127, 129, 300, 700] as const;

/** A value nested `depth` levels deep, as TypeScript source, in one of the shapes specs nest in. */
export function nestedSource(depth: number, shape: 'array' | 'object' | 'schema' | 'parens' | 'signs'): string {
  switch (shape) {
    case 'array':
      return '['.repeat(depth) + '1' + ']'.repeat(depth);
    case 'object':
      return '{ a: '.repeat(depth) + '1' + ' }'.repeat(depth);
    case 'schema':
      return "{ type: 'object', properties: { a: ".repeat(depth) + "{ type: 'string' }" + ' } }'.repeat(depth);
    case 'parens':
      return '('.repeat(depth) + '1' + ')'.repeat(depth);
    case 'signs':
      return '- '.repeat(depth * 10) + '1';
  }
}

/** A string as TypeScript source: JSON-escaped (any string), or raw between single quotes when it can be. */
export function stringSource(value: string, raw: boolean): string {
  if (raw && !/['\\\n\r\u2028\u2029]/.test(value)) return `'${value}'`;
  return JSON.stringify(value);
}
