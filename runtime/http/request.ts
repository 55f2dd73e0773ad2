/**
 * Writes one request from a binding: URL (base, percent-encoded path segments, query), headers,
 * auth and body. The only place secrets are revealed: they go onto the wire here and nowhere else.
 *
 * A value that cannot be sent is reported before anything is sent: InvalidInputError at the input
 * field it came from, or ConfigurationError at the config or secret field. A request field whose
 * value is absent is left out; a path placeholder cannot be, so its absence is an error too.
 */
import { ConfigurationError, InvalidInputError, type IntegrationError } from '../client/errors.js';
import { Secret } from '../client/secrets.js';
import type { HttpAuth, HttpBinding, HttpRequestBinding, HttpValue } from './binding.js';
import { evaluate, refsOf, ValueProblem, type HttpScope } from './values.js';

export interface HttpRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** Request fields as scalars or lists; nested objects exist only inside JSON bodies. */
type FieldValue = string | number | boolean | null | readonly unknown[] | Readonly<Record<string, unknown>>;

export function buildRequest(binding: HttpBinding, request: HttpRequestBinding, scope: HttpScope, integration: string): HttpRequest {
  try {
    return writeRequest(binding, request, scope);
  } catch (error) {
    if (error instanceof ValueProblem) throw problemError(error, integration);
    throw error;
  }
}

function writeRequest(binding: HttpBinding, request: HttpRequestBinding, scope: HttpScope): HttpRequest {
  const auth: HttpAuth = request.auth ?? binding.auth ?? { type: 'none' };
  const headers: Record<string, string> = { accept: 'application/json' };
  const query = new URLSearchParams();
  const bodyFields: [string, FieldValue][] = [];

  addFields(query, request.query, scope);
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const text = headerText(value, scope);
    if (text !== undefined) headers[name.toLowerCase()] = text;
  }
  for (const [name, value] of Object.entries(request.body?.fields ?? {})) {
    const field = fieldValue(value, scope);
    if (field !== undefined) bodyFields.push([name, field]);
  }
  switch (auth.type) {
    case 'basic': {
      const username = plain(evaluate(auth.username, scope)) ?? '';
      const password = plain(evaluate(auth.password, scope)) ?? '';
      headers.authorization = `Basic ${Buffer.from(`${String(username)}:${String(password)}`).toString('base64')}`;
      break;
    }
    case 'bearer':
      headers.authorization = `Bearer ${headerText(auth.token, scope) ?? ''}`;
      break;
    case 'header':
      for (const [name, value] of Object.entries(auth.fields)) headers[name.toLowerCase()] = headerText(value, scope) ?? '';
      break;
    case 'query':
      addFields(query, auth.fields, scope);
      break;
    case 'body':
      for (const [name, value] of Object.entries(auth.fields)) bodyFields.push([name, fieldValue(value, scope) ?? '']);
      break;
  }

  const base = (request.baseUrl ?? binding.baseUrl).replace(/\/+$/, '');
  const search = query.toString();
  const url = `${base}${pathOf(request, scope)}${search ? `?${search}` : ''}`;
  const encoding = request.body?.encoding ?? (bodyFields.length > 0 ? 'form' : undefined);
  if (encoding === undefined) return { url, method: request.method, headers };
  if (encoding === 'json') {
    headers['content-type'] = 'application/json';
    return { url, method: request.method, headers, body: JSON.stringify(Object.fromEntries(bodyFields)) };
  }
  const form = new URLSearchParams();
  for (const [name, value] of bodyFields) appendField(form, name, value);
  headers['content-type'] = 'application/x-www-form-urlencoded';
  return { url, method: request.method, headers, body: form.toString() };
}

/** Each placeholder is one segment, percent-encoded; `.` and `..` would be resolved away by URL parsing, so they are refused. */
function pathOf(request: HttpRequestBinding, scope: HttpScope): string {
  let path = '';
  for (const part of request.path) {
    if (typeof part === 'string') {
      path += part;
      continue;
    }
    const value = plain(evaluate(part, scope));
    if (value === undefined || value === null) throw new ValueProblem(part, 'is required to build the request path');
    if (typeof value !== 'string' && typeof value !== 'number') throw new ValueProblem(part, 'is not text and cannot be a path segment');
    const segment = String(value);
    if (segment === '' || segment === '.' || segment === '..') throw new ValueProblem(part, 'must not be empty, "." or ".." in a path');
    path += encodeURIComponent(segment);
  }
  return path;
}

/** A value as it goes onto the wire: secrets revealed, absent as undefined. */
function fieldValue(value: HttpValue, scope: HttpScope): FieldValue | undefined {
  const result = plain(evaluate(value, scope));
  return result === undefined ? undefined : (result as FieldValue);
}

function plain(value: unknown): unknown {
  if (value instanceof Secret) return value.reveal();
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

function addFields(target: URLSearchParams, fields: Readonly<Record<string, HttpValue>> | undefined, scope: HttpScope): void {
  for (const [name, value] of Object.entries(fields ?? {})) {
    const field = fieldValue(value, scope);
    if (field !== undefined) appendField(target, name, field);
  }
}

/** Form and query fields: a list repeats its key; null is left out (a form has no null). */
function appendField(target: URLSearchParams, name: string, value: FieldValue): void {
  if (value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) appendField(target, name, item as FieldValue);
    return;
  }
  if (typeof value === 'object') throw new TypeError(`the binding sends an object in form or query field ${name}; only JSON bodies hold objects`);
  target.append(name, String(value));
}

/** A header value: text without line breaks (undici would refuse it after we had built the request). */
function headerText(value: HttpValue, scope: HttpScope): string | undefined {
  const result = plain(evaluate(value, scope));
  if (result === undefined || result === null) return undefined;
  const text = String(result);
  if (/[\r\n\0]/.test(text)) {
    // Blame the first reference: a constant never holds a line break the check let through.
    throw new ValueProblem(refsOf(value)[0] ?? { ref: ['config'] }, 'contains a line break and cannot be sent in a header');
  }
  return text;
}

/** The error of the side a problem came from: the caller's input, or the client's settings. */
export function problemError(problem: ValueProblem, integration: string): IntegrationError {
  const [root, ...path] = problem.ref.ref;
  const field = path.join('.');
  if (root === 'input') return new InvalidInputError([{ path: field || '(input)', message: problem.problem }], { integration });
  return new ConfigurationError([{ path: `${root}.${field}`, message: problem.problem }], { integration });
}
