/**
 * A test double of a provider, made from its HTTP binding: an in-process `fetch` (and, with
 * `listen()`, a local HTTP server) that speaks the provider's wire format as the binding describes
 * it, so a user's own tests of code that sends SMS run without a network or an account.
 *
 * - Routes by method, host and path template; a path placeholder over a secret or config field
 *   must hold that value, one over an input field captures it.
 * - Checks auth (Basic, bearer, headers, query or body fields) against the secrets it was given,
 *   and parses the body per the binding's encoding; a request it cannot read is a 400.
 * - Answers a success with a body built by running the output mapping backwards: ids generated,
 *   the status by the inverse of the status map, fields the request gave (to, from) echoed,
 *   anything else sampled from the operation's output schema (when given) or null.
 * - A request whose input names an id (`idField`) looks that resource up; an unknown id is
 *   answered with the operation's invalidInput rule on that field (else a 404).
 * - `failNext(ruleName)` answers the next request(s) the rule applies to with a response that
 *   matches the rule's `when` (checked by the runtime's own rule matcher), naming the rule in the
 *   provider's message.
 *
 * It is a double of the binding, not of the provider: tests of the binding itself use stand-ins
 * written from the provider's documentation (a wrong binding would pass against itself here).
 */
import { randomUUID } from 'node:crypto';
import type { HttpBinding, HttpErrorRule, HttpRef, HttpRequestBinding, HttpValue } from '../http/binding.js';
import { matchingRule } from '../http/response.js';
import { evaluate, resolve, type HttpScope } from '../http/values.js';
import { formFields } from '../webhooks/form-fields.js';
import { invert, invertRequestValue, setPath } from './invert.js';
import { serveFetchHandler, type LocalServer } from './serve.js';

/** The little of JSON Schema the double reads to sample an output field. */
export interface SampleSchema {
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly properties?: { readonly [field: string]: SampleSchema };
}

export interface HttpTestDoubleOptions {
  /** The secrets the double accepts, as plain text: give the client the same. */
  readonly secrets: Readonly<Record<string, string | undefined>>;
  /** The client's config, where the binding reads it. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Each operation's output schema: fields no request gives are sampled from it (null without it). */
  readonly outputs?: Readonly<Record<string, SampleSchema>>;
  /** The output (and input) field naming a resource. Default `id`. */
  readonly idField?: string;
  /** The output field `setStatus` sets. Default `status`. */
  readonly statusField?: string;
}

/** One request the double received, as the operation input it came from. */
export interface TestDoubleRequest {
  /** Operation name, `probeHealth`, or undefined when no route matched. */
  readonly operation: string | undefined;
  readonly method: string;
  readonly path: string;
  /** The operation input, read back from the wire (a value taken from config reads as the input field it stands for). */
  readonly input: Readonly<Record<string, unknown>>;
  /** How it was answered: the HTTP status, and the error rule when one was scripted or triggered. */
  readonly status: number;
  readonly rule?: string;
}

export interface HttpTestDouble {
  readonly fetch: typeof fetch;
  readonly requests: readonly TestDoubleRequest[];
  /** Sets a resource's capability status (e.g. `delivered`), reported by later lookups. */
  setStatus(id: string, status: string): void;
  /** Answers the next `times` (default 1) requests the named error rule applies to with that error. */
  failNext(ruleName: string, times?: number): void;
  /** The same double over real HTTP on 127.0.0.1 (reach it with redirectFetch, or from another process). */
  listen(): Promise<LocalServer>;
}

interface Route {
  readonly name: string;
  readonly request: HttpRequestBinding;
  readonly output?: { readonly [field: string]: HttpValue };
}

interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly rule?: string;
}

export function createHttpTestDouble(binding: HttpBinding, options: HttpTestDoubleOptions): HttpTestDouble {
  const idField = options.idField ?? 'id';
  const statusField = options.statusField ?? 'status';
  const routes: Route[] = Object.entries(binding.operations).map(([name, operation]) => ({ name, request: operation, output: operation.response.output }));
  if (binding.health) routes.push({ name: 'probeHealth', request: binding.health });
  const resources = new Map<string, Record<string, unknown>>();
  const scripted: { rule: HttpErrorRule; left: number }[] = [];
  const requests: TestDoubleRequest[] = [];
  const allRules = [...Object.values(binding.operations).flatMap((operation) => operation.errors ?? []), ...(binding.errors ?? [])];

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const host = request.headers.get('x-forwarded-host') ?? url.host;
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const matched = routes.map((route) => ({ route, input: matchRoute(route, request.method, host, url.pathname) })).find((candidate) => candidate.input);
    const reply = matched ? answer(matched.route, matched.input!, request, url, text) : { status: 404, body: { error: 'no operation of the binding has this method and path' } };
    requests.push({
      operation: matched?.route.name,
      method: request.method,
      path: url.pathname,
      input: matched?.input ?? {},
      status: reply.status,
      ...(reply.rule !== undefined && { rule: reply.rule }),
    });
    const headers = new Headers(reply.headers);
    if (reply.body === undefined) return new Response(null, { status: reply.status, headers });
    headers.set('content-type', 'application/json');
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers });
  }

  /** The input captured from the path, or undefined when this route is not the request's. */
  function matchRoute(route: Route, method: string, host: string, pathname: string): Record<string, unknown> | undefined {
    if (route.request.method !== method) return undefined;
    const base = new URL(route.request.baseUrl ?? binding.baseUrl);
    // Through listen() without redirectFetch the host is the listener's: route by path alone.
    if (host !== base.host && !/^127\.0\.0\.1(:\d+)?$|^localhost(:\d+)?$/.test(host)) return undefined;
    let rest = pathname;
    const prefix = base.pathname.replace(/\/+$/, '');
    if (!rest.startsWith(prefix)) return undefined;
    rest = rest.slice(prefix.length);
    const input: Record<string, unknown> = {};
    const scope = settingsScope();
    for (const [i, part] of route.request.path.entries()) {
      if (typeof part === 'string') {
        if (!rest.startsWith(part)) return undefined;
        rest = rest.slice(part.length);
        continue;
      }
      // A placeholder is one segment: up to the next literal's first character, or a slash.
      const next = route.request.path[i + 1];
      const end = typeof next === 'string' && next !== '' ? rest.indexOf(next[0]!) : rest.indexOf('/');
      const segment = decodeURIComponent(end < 0 ? rest : rest.slice(0, end));
      rest = end < 0 ? '' : rest.slice(end);
      if (part.ref[0] === 'input') setPath(input, part.ref.slice(1), segment);
      else if (String(evaluate(part, scope)) !== segment) return undefined;
    }
    return rest === '' ? input : undefined;
  }

  function settingsScope(): HttpScope {
    return { config: options.config, secrets: options.secrets as unknown as HttpScope['secrets'] };
  }

  function answer(route: Route, input: Record<string, unknown>, request: Request, url: URL, text: string): Reply {
    const fields = readBody(route.request, request, text);
    if (fields === undefined) return { status: 400, body: { error: `the body is not ${route.request.body?.encoding === 'json' ? 'JSON' : 'a form'}` } };
    if (!authorized(route.request, request, url, fields)) return ruleReply(route, (rule) => rule.error === 'authentication', { status: 401, body: { error: 'authentication failed' } });
    readInput(route.request, url, fields, input);
    const script = scripted.findIndex(({ rule }) => appliesTo(rule, route));
    if (script >= 0) {
      const { rule } = scripted[script]!;
      if (--scripted[script]!.left <= 0) scripted.splice(script, 1);
      return errorReply(route, rule) ?? { status: 500, body: { error: `the test double cannot build an answer that matches rule ${rule.name}` } };
    }
    if (!route.output) return healthReply();
    const id = input[idField];
    let resource: Record<string, unknown> | undefined;
    if (typeof id === 'string') {
      resource = resources.get(id);
      if (!resource) {
        return ruleReply(route, (rule) => rule.error === 'invalidInput' && rule.input === idField, { status: 404, body: { error: 'not found' } });
      }
    } else {
      resource = { [idField]: randomUUID(), [statusField]: initialStatus(route) };
      resources.set(resource[idField] as string, resource);
    }
    if (!expresses(route, resource[statusField])) {
      // This operation cannot report the resource's status yet (Vonage's Reports API has no record of a just-queued SMS).
      return ruleReply(route, (rule) => rule.error === 'invalidInput' && rule.input === idField, { status: 404, body: { error: 'not found' } });
    }
    return successReply(route, input, resource);
  }

  function expresses(route: Route, status: unknown): boolean {
    const value = route.output?.[statusField];
    if (!value || !('from' in value) || !value.map) return true;
    return Object.values(value.map).includes(status as never);
  }

  function readBody(request: HttpRequestBinding, wire: Request, text: string): Record<string, unknown> | undefined {
    const type = (wire.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const encoding = request.body?.encoding ?? (text ? 'form' : undefined);
    if (encoding === undefined) return {};
    if (encoding === 'form') {
      return type === 'application/x-www-form-urlencoded' ? formFields(new URLSearchParams(text)) : undefined;
    }
    if (type !== 'application/json') return undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }

  function authorized(request: HttpRequestBinding, wire: Request, url: URL, fields: Record<string, unknown>): boolean {
    const auth = request.auth ?? binding.auth ?? { type: 'none' };
    const scope = settingsScope();
    const expected = (value: HttpValue) => String(evaluate(value, scope) ?? '');
    switch (auth.type) {
      case 'none':
        return true;
      case 'basic':
        return wire.headers.get('authorization') === `Basic ${Buffer.from(`${expected(auth.username)}:${expected(auth.password)}`).toString('base64')}`;
      case 'bearer':
        return wire.headers.get('authorization') === `Bearer ${expected(auth.token)}`;
      case 'header':
        return Object.entries(auth.fields).every(([name, value]) => wire.headers.get(name) === expected(value));
      case 'query':
        return Object.entries(auth.fields).every(([name, value]) => url.searchParams.get(name) === expected(value));
      case 'body':
        return Object.entries(auth.fields).every(([name, value]) => fields[name] === expected(value));
    }
  }

  /** Fills `input` from the query, headers and body fields the request mapping wrote from it. */
  function readInput(request: HttpRequestBinding, url: URL, fields: Record<string, unknown>, input: Record<string, unknown>): void {
    const write = (ref: HttpRef, raw: unknown) => {
      if (ref.ref[0] !== 'input') return false;
      setPath(input, ref.ref.slice(1), raw);
      return true;
    };
    for (const [name, value] of Object.entries(request.query ?? {})) {
      const all = url.searchParams.getAll(name);
      if (all.length > 0) invertRequestValue(value, all.length === 1 ? all[0] : all, write);
    }
    for (const [name, value] of Object.entries(request.body?.fields ?? {})) if (fields[name] !== undefined) invertRequestValue(value, fields[name], write);
  }

  function appliesTo(rule: HttpErrorRule, route: Route): boolean {
    return (route.request.errors ?? []).includes(rule) || (binding.errors ?? []).includes(rule);
  }

  /** The first rule of the route that `pick` accepts, as an answer; `fallback` when none can be built. */
  function ruleReply(route: Route, pick: (rule: HttpErrorRule) => boolean, fallback: Reply): Reply {
    for (const rule of [...(route.request.errors ?? []), ...(binding.errors ?? [])]) {
      if (!pick(rule)) continue;
      const reply = errorReply(route, rule);
      if (reply) return reply;
    }
    return fallback;
  }

  /** An answer that the runtime's rule matcher takes for `rule` (and for no rule before it). */
  function errorReply(route: Route, rule: HttpErrorRule): Reply | undefined {
    const status = rule.when.status?.[0];
    const code = status === undefined ? 200 : status === '4xx' ? 400 : status === '5xx' ? 500 : status;
    const condition = rule.when.body;
    const candidates: unknown[] = condition ? [...(condition.in ?? []), 'error', ...Array.from({ length: 100 }, (_, i) => String(i))] : [undefined];
    for (const candidate of candidates) {
      if (condition?.notIn?.some((excluded) => JSON.stringify(excluded) === JSON.stringify(candidate))) continue;
      const body: Record<string, unknown> = {};
      const headers: Record<string, string> = {};
      const write = writer(body, headers);
      if (condition) write(condition.path, candidate);
      if (rule.message) invert(rule.message, `the test double answers rule ${rule.name}`, write);
      const scope: HttpScope = { body, headers: new Headers(headers) };
      if (matchingRule(binding, route.request, code, scope) === rule) {
        return { status: code, body, headers, rule: rule.name };
      }
    }
    return undefined;
  }

  function successReply(route: Route, input: Record<string, unknown>, resource: Record<string, unknown>): Reply {
    const body: Record<string, unknown> = {};
    const headers: Record<string, string> = {};
    const write = writer(body, headers);
    const requestScope: HttpScope = { input, config: options.config };
    const schema = options.outputs?.[route.name]?.properties ?? {};
    for (const [field, value] of Object.entries(route.output ?? {})) {
      if (!(field in resource)) {
        const fromRequest = evaluateQuietly(value, requestScope);
        resource[field] = fromRequest !== undefined ? fromRequest : sample(schema[field]);
      }
      invert(value, resource[field], write);
    }
    return { status: 200, body, headers };
  }

  function healthReply(): Reply {
    const body: Record<string, unknown> = {};
    if (binding.health?.status) invert(binding.health.status, 'ok', writer(body, {}));
    return { status: 200, body };
  }

  /** The status a new resource starts in: the one the creating operation's mapping gives. */
  function initialStatus(route: Route): unknown {
    const value = route.output?.[statusField];
    if (!value) return undefined;
    if ('value' in value) return value.value;
    if ('from' in value && value.map) return Object.values(value.map)[0];
    return undefined;
  }

  const double: HttpTestDouble = {
    fetch: async (input, init) => {
      const request = new Request(input, init);
      if (request.signal.aborted) throw request.signal.reason;
      return handle(request);
    },
    requests,
    setStatus(id, status) {
      const resource = resources.get(id);
      if (!resource) throw new Error(`test double: no resource with ${idField} ${id}`);
      const expressible = routes.some((route) => route.output?.[statusField] !== undefined && expresses(route, status));
      if (!expressible) throw new Error(`test double: no operation of the binding reports status ${status}`);
      resource[statusField] = status;
    },
    failNext(ruleName, times = 1) {
      const rule = allRules.find((candidate) => candidate.name === ruleName);
      if (!rule) throw new Error(`test double: the binding has no error rule named ${ruleName} (it has ${[...new Set(allRules.map((r) => r.name))].join(', ')})`);
      scripted.push({ rule, left: times });
    },
    listen: () => serveFetchHandler(handle),
  };
  return double;
}

/** Writes raw values into an answer: body references into the body, header references into headers. */
function writer(body: Record<string, unknown>, headers: Record<string, string>) {
  return (ref: HttpRef, raw: unknown): boolean => {
    const [root, ...path] = ref.ref;
    if (root === 'body' && path.length > 0) {
      // Keep what an earlier field wrote at the same place (two outputs from one value).
      if (resolve(ref, { body }) === undefined) setPath(body, path, raw);
      return true;
    }
    if (root === 'header' && typeof path[0] === 'string' && raw !== undefined && raw !== null) {
      headers[path[0]] = String(raw);
      return true;
    }
    return false;
  };
}

function evaluateQuietly(value: HttpValue, scope: HttpScope): unknown {
  try {
    return evaluate(value, scope);
  } catch {
    return undefined;
  }
}

/** A plain value of a schema's type: null when allowed, now for dates, the first enum value... */
function sample(schema: SampleSchema | undefined): unknown {
  if (!schema) return null;
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  if (types.includes('null')) return null;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (types.includes('string')) return schema.format === 'date-time' ? new Date().toISOString() : 'test';
  if (types.includes('integer') || types.includes('number')) return schema.minimum ?? 1;
  if (types.includes('boolean')) return false;
  return null;
}
