/**
 * Evaluates a binding value over a scope. Secrets stay wrapped: a reference to one gives the
 * Secret itself and a template over one gives a new Secret, so only request.ts, where the request
 * is written, ever reveals them.
 *
 * A value is `undefined` when absent. A value that cannot be given (a conversion that fails, a
 * total map without the key) throws a ValueProblem naming the reference, never the value read:
 * the caller turns it into the error of its side (InvalidInputError, ConfigurationError or
 * InvalidResponseError) with the field it was filling.
 */
import { Secret } from '../client/secrets.js';
import type { HttpConversion, HttpConvert, HttpJson, HttpRef, HttpTemplatePart, HttpValue } from './binding.js';

/** What a value is evaluated over. `headers` are the response's. */
export interface HttpScope {
  readonly input?: unknown;
  readonly config?: unknown;
  readonly secrets?: Readonly<Record<string, Secret | undefined>>;
  readonly body?: unknown;
  readonly headers?: Headers;
}

export class ValueProblem extends Error {
  constructor(
    /** The reference whose value could not be used. */
    readonly ref: HttpRef,
    /** What is wrong, secret- and value-free, e.g. `is not an integer`. */
    readonly problem: string,
  ) {
    super(`${refText(ref)} ${problem}`);
    this.name = 'ValueProblem';
  }
}

/** `body.messages.0.message-id`: a reference as the spec author wrote it. */
export function refText(ref: HttpRef): string {
  return ref.ref.join('.');
}

/** Every reference a value reads, in order: to describe where a missing value was looked for. */
export function refsOf(value: HttpValue): HttpRef[] {
  if ('ref' in value) return [value];
  if ('from' in value) return [value.from];
  if ('first' in value) return value.first.flatMap(refsOf);
  if ('template' in value) return value.template.filter((part): part is HttpRef => typeof part !== 'string');
  return [];
}

export function evaluate(value: HttpValue, scope: HttpScope): unknown {
  if ('ref' in value) return resolve(value, scope);
  if ('value' in value) return value.value;
  if ('first' in value) {
    // A null is passed over for a later value, but stays the answer when none comes: `{ value: null }` last is a default.
    let sawNull = false;
    for (const candidate of value.first) {
      const result = evaluate(candidate, scope);
      if (result !== undefined && result !== null) return result;
      sawNull ||= result === null;
    }
    return sawNull ? null : undefined;
  }
  if ('template' in value) return fillTemplate(value.template, scope);
  return convert(value, scope);
}

/** The value a reference points at; undefined when any step is missing. Only own properties are read. */
export function resolve(reference: HttpRef, scope: HttpScope): unknown {
  const [root, ...path] = reference.ref;
  if (root === 'header') {
    const name = path[0];
    return typeof name === 'string' ? (scope.headers?.get(name) ?? undefined) : undefined;
  }
  let current: unknown = root === 'secrets' ? scope.secrets : scope[root];
  for (const segment of path) {
    // A secret is a leaf: nothing below it is readable.
    if (current === null || typeof current !== 'object' || current instanceof Secret) return undefined;
    const key = String(segment);
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Joins a template's parts; absent when a placeholder is; a Secret when any part is one. */
function fillTemplate(parts: readonly HttpTemplatePart[], scope: HttpScope): string | Secret | undefined {
  let text = '';
  let secret = false;
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const value = resolve(part, scope);
    if (value === undefined || value === null) return undefined;
    if (value instanceof Secret) {
      secret = true;
      text += value.reveal();
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      text += String(value);
    } else {
      throw new ValueProblem(part, 'is not text and cannot fill a template');
    }
  }
  return secret ? new Secret(text) : text;
}

function convert(value: HttpConvert, scope: HttpScope): unknown {
  let read = resolve(value.from, scope);
  if (read === undefined) return undefined;
  if (read instanceof Secret) {
    if (value.as !== undefined || value.map !== undefined || value.removePrefix !== undefined) {
      throw new ValueProblem(value.from, 'is a secret and cannot be converted');
    }
    return read;
  }
  if (value.removePrefix && typeof read === 'string' && read.startsWith(value.removePrefix)) read = read.slice(value.removePrefix.length);
  if (value.map !== undefined) {
    const key = mapKey(read);
    if (key !== undefined && Object.hasOwn(value.map, key)) return value.map[key];
    if (value.as === undefined) throw new ValueProblem(value.from, 'is not one of the values the binding maps');
  }
  return value.as === undefined ? read : convertAs(read, value.as, value.from);
}

/** Map keys are text: a provider's 0 and "0" are one status. */
function mapKey(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function convertAs(value: unknown, as: HttpConversion, from: HttpRef): unknown {
  if (value === null) return null;
  switch (as) {
    case 'string':
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
      throw new ValueProblem(from, 'is not text');
    case 'integer': {
      const number = typeof value === 'string' && INTEGER.test(value.trim()) ? Number(value) : value;
      if (typeof number === 'number' && Number.isSafeInteger(number)) return number;
      throw new ValueProblem(from, 'is not an integer');
    }
    case 'number': {
      const number = typeof value === 'string' && NUMBER.test(value.trim()) ? Number(value) : value;
      if (typeof number === 'number' && Number.isFinite(number)) return number;
      throw new ValueProblem(from, 'is not a number');
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw new ValueProblem(from, 'is not a boolean');
    case 'date-time': {
      // V8's Date.parse reads ISO 8601 (with `+0000` offsets), RFC 2822 and `2021-07-13 13:04:06.799021+05:30` (Plivo).
      const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (!Number.isNaN(time)) return new Date(time).toISOString();
      throw new ValueProblem(from, 'is not a date');
    }
    case 'json':
      return JSON.stringify(value as HttpJson);
  }
}
