/**
 * The `http` section of a spec, normalized into the runtime's HttpBinding (runtime/http/binding.ts):
 * every reference split into `{ ref: [root, ...path] }` (numeric segments as numbers), every
 * template and path split into literal and reference parts, every `when.status` an array, each
 * operation's response given the output fields its capability requires. So the runtime parses no
 * string of a spec. Done once, here; the http, clients, test-double and docs artifacts read it.
 *
 * Fail safe: the HTTP checks refuse what cannot be normalized (an unknown root, an unbalanced
 * template, an operation no provided capability has). If such a spec reaches the plan anyway,
 * there is no binding (undefined), never a crash nor a guess.
 */
import type {
  HttpAuth,
  HttpBinding,
  HttpErrorRule,
  HttpHealthBinding,
  HttpJson,
  HttpOperationBinding,
  HttpRef,
  HttpRequestBinding,
  HttpRoot,
  HttpStatusMatch,
  HttpTemplatePart,
  HttpValue,
} from '@contractgen/runtime';
import type { HttpAuthorAuth, HttpAuthorErrorRule, HttpAuthorHealth, HttpAuthorOperation, HttpAuthorValue, HttpSpec, IntegrationSpec } from '@contractgen/runtime/spec';
import type { CapabilitySummary } from './model.js';

const ROOTS: ReadonlySet<string> = new Set<HttpRoot>(['input', 'config', 'secrets', 'body', 'header']);
const INDEX = /^(0|[1-9]\d*)$/;

/** What the plan cannot normalize: the HTTP checks report it; here it only means "no binding". */
class NotNormalizable extends Error {}

/** The normalized binding of `spec`, given the capabilities it provides; undefined without an `http` section (or one the checks refuse). */
export function planHttpBinding(spec: IntegrationSpec, provides: readonly CapabilitySummary[]): HttpBinding | undefined {
  if (!spec.http) return undefined;
  const required = new Map(provides.flatMap((capability) => capability.operations.map((op) => [op.name, op.outputRequired] as const)));
  try {
    return normalizeBinding(spec.http, required);
  } catch (error) {
    if (error instanceof NotNormalizable) return undefined;
    throw error;
  }
}

function normalizeBinding(http: HttpSpec, required: ReadonlyMap<string, readonly string[]>): HttpBinding {
  return {
    baseUrl: http.baseUrl,
    ...(http.auth && { auth: auth(http.auth) }),
    ...(http.requestId !== undefined && { requestId: ref(http.requestId) }),
    ...(http.retryAfter && { retryAfter: { header: http.retryAfter.header.toLowerCase() } }),
    ...(http.errors && { errors: http.errors.map(errorRule) }),
    operations: mapOf(http.operations, (operation, name) => {
      // An operation no provided capability has: the checks refuse it.
      const outputs = required.get(name);
      if (!outputs) throw new NotNormalizable(`no provided capability has the operation ${name}`);
      return operationBinding(operation, outputs);
    }),
    ...(http.health && { health: healthBinding(http.health) }),
  };
}

function operationBinding(operation: HttpAuthorOperation, required: readonly string[]): HttpOperationBinding {
  return {
    ...requestBinding(operation),
    ...(operation.unsupported && { unsupported: mapOf(operation.unsupported, (reason) => reason) }),
    ...(operation.local && { local: mapOf(operation.local, (reason) => reason) }),
    response: { output: mapOf(operation.response.output, value), required: [...required] },
  };
}

function healthBinding(health: HttpAuthorHealth): HttpHealthBinding {
  return {
    ...requestBinding(health),
    ...(health.status !== undefined && { status: value(health.status) }),
    ...(health.detail !== undefined && { detail: value(health.detail) }),
  };
}

function requestBinding(request: HttpAuthorOperation | HttpAuthorHealth): HttpRequestBinding {
  return {
    method: request.method,
    ...(request.baseUrl !== undefined && { baseUrl: request.baseUrl }),
    path: template(request.path),
    ...(request.auth && { auth: auth(request.auth) }),
    ...(request.query && { query: mapOf(request.query, value) }),
    ...(request.headers && { headers: mapOf(request.headers, value) }),
    ...(request.body && { body: { encoding: request.body.encoding, fields: mapOf(request.body.fields, value) } }),
    ...(request.errors && { errors: request.errors.map(errorRule) }),
  };
}

function auth(author: HttpAuthorAuth): HttpAuth {
  switch (author.type) {
    case 'none':
      return { type: 'none' };
    case 'basic':
      return { type: 'basic', username: value(author.username), password: value(author.password) };
    case 'bearer':
      return { type: 'bearer', token: value(author.token) };
    default:
      return { type: author.type, fields: mapOf(author.fields, value) };
  }
}

function errorRule(rule: HttpAuthorErrorRule): HttpErrorRule {
  const { status, body } = rule.when;
  return {
    name: rule.name,
    when: {
      ...(status !== undefined && { status: (Array.isArray(status) ? [...status] : [status]) as HttpStatusMatch[] }),
      ...(body && {
        body: { path: ref(body.path), ...(body.in && { in: json(body.in as HttpJson[]) }), ...(body.notIn && { notIn: json(body.notIn as HttpJson[]) }) },
      }),
    },
    error: rule.error,
    ...(rule.input !== undefined && { input: rule.input }),
    ...(rule.retryable !== undefined && { retryable: rule.retryable }),
    ...(rule.code !== undefined && { code: value(rule.code) }),
    ...(rule.message !== undefined && { message: value(rule.message) }),
    ...(rule.docsUrl !== undefined && { docsUrl: value(rule.docsUrl) }),
    summary: rule.summary,
  };
}

/** One value of the grammar (HTTP-DESIGN.md, "Values"): a string is a reference. */
function value(author: HttpAuthorValue): HttpValue {
  if (typeof author === 'string') return ref(author);
  if ('value' in author) return { value: json(author.value as HttpJson) };
  if ('first' in author) return { first: author.first.map(value) };
  if ('template' in author) return { template: template(author.template) };
  return {
    from: ref(author.from),
    ...(author.map && { map: mapOf(author.map as Record<string, HttpJson>, json) }),
    ...(author.as !== undefined && { as: author.as }),
    ...(author.removePrefix !== undefined && { removePrefix: author.removePrefix }),
  };
}

/** `body.messages.0.message-id` -> `{ ref: ['body', 'messages', 0, 'message-id'] }`. */
function ref(text: string): HttpRef {
  const [root, ...path] = text.split('.');
  if (!root || !ROOTS.has(root) || path.length === 0 || path.some((segment) => segment === '')) throw new NotNormalizable(`not a reference: ${text}`);
  return { ref: [root as HttpRoot, ...path.map((segment) => (INDEX.test(segment) ? Number(segment) : segment))] };
}

/** `'/v1/Account/{secrets.authId}/Message/'` -> `['/v1/Account/', { ref: ['secrets', 'authId'] }, '/Message/']`. */
function template(text: string): HttpTemplatePart[] {
  const parts: HttpTemplatePart[] = [];
  let rest = text;
  while (rest !== '') {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (open < 0) {
      if (close >= 0) throw new NotNormalizable(`an unopened "}" in ${text}`);
      parts.push(rest);
      break;
    }
    if (close < open || rest.lastIndexOf('{', close) !== open) throw new NotNormalizable(`an unbalanced placeholder in ${text}`);
    if (open > 0) parts.push(rest.slice(0, open));
    parts.push(ref(rest.slice(open + 1, close)));
    rest = rest.slice(close + 1);
  }
  return parts;
}

/**
 * A map of the spec as a new object of own data properties, in the spec's order: `Object.fromEntries`
 * defines each key, so a key such as `__proto__` stays a key (an assignment would set the prototype).
 */
function mapOf<T, R>(map: { readonly [key: string]: T }, each: (item: T, key: string) => R): { [key: string]: R } {
  return Object.fromEntries(Object.entries(map).map(([key, item]) => [key, each(item, key)]));
}

/** A JSON value of the spec, copied the same way. */
function json<T>(data: T): T {
  if (Array.isArray(data)) return data.map(json) as T;
  if (data !== null && typeof data === 'object') return mapOf(data as Record<string, unknown>, json) as T;
  return data;
}
