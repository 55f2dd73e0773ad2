/**
 * A schema's content as a string key, computed once per schema object: the rules, the validator
 * compiler and the type converter all key their work by content, and serializing a large schema
 * three times per spec showed in profiles.
 */
const keys = new WeakMap<object, string>();

export function schemaKey(schema: object): string {
  let key = keys.get(schema);
  if (key === undefined) keys.set(schema, (key = JSON.stringify(schema)));
  return key;
}
