/**
 * Form fields (`application/x-www-form-urlencoded` bodies, query strings) as a record, the shape
 * providers' webhooks and our stand-ins read them in.
 */

/** Form fields as received; a repeated key keeps every value, in order. */
export type FormFields = Record<string, string | string[]>;

/**
 * URLSearchParams -> fields, repeated keys as arrays. Own properties only, `__proto__` included as
 * data: a field name is whatever the sender wrote, so it must never reach an object's prototype.
 */
export function formFields(params: URLSearchParams): FormFields {
  const fields: FormFields = {};
  for (const [key, value] of params) {
    const existing = Object.hasOwn(fields, key) ? fields[key] : undefined;
    const next = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    Object.defineProperty(fields, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return fields;
}
