/**
 * Deep equality of JSON values, for the precompiled validators' `const`, `enum` and
 * `uniqueItems`. ajv's own helper (fast-deep-equal) calls a value's `valueOf` or `toString` when
 * the value has its own, so checked data like `{ "toString": "x" }` made a validator throw a
 * TypeError instead of answering. Here no method of the data is ever called: arrays compare item
 * by item, plain objects by their own enumerable keys, and anything else (a Date, a Map, a class
 * instance: never a JSON value) only equals itself.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
