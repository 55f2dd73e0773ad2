/**
 * An `http` section against the capabilities the integration provides (HTTP-DESIGN.md section 2):
 * each bound operation exists; every input field it reads, blames, declares unsupported or local
 * is one the operation's input schema declares, and every one it has is sent or declared; its
 * output fills every required field, no unknown one, each with values the field accepts; no rule
 * retries a non-idempotent operation on an ambiguous failure; and what the binding leaves unbound
 * has a hand-written adapter. The rules that need only the spec are spec-rules/http.ts's (run
 * first: a spec that fails them is not checked here).
 */
import type { Diagnostic } from '../diagnostics/index.js';
import type { AdapterBinding } from '../load/adapters.js';
import type { LoadedSpec } from '../load/model.js';
import { closest, type SpecFinding } from '../spec-rules/findings.js';
import { unknownField } from '../spec-rules/http.js';
import { httpRequests, httpRules, httpSites, referencesIn, type HttpRule, type HttpScope } from '../spec-rules/http-sites.js';
import { valueFindings } from '../spec-rules/http-values.js';
import { acceptsUndeclared, declaredFields, fieldAt, requiredFields } from '../spec-rules/schema-fields.js';
import { isRecord } from '../values.js';
import { located } from './spec.js';

type Obj = Record<string, unknown>;
type Path = readonly (string | number)[];

/** What these rules need of a provided capability (its summary has more). */
export interface HttpCheckedCapability {
  readonly key: string;
  readonly operations: readonly { readonly name: string; readonly idempotent: boolean; readonly inputSchema: Obj; readonly outputSchema: Obj }[];
}

type Operation = HttpCheckedCapability['operations'][number];

/** `hasAdapter`: a hand-written adapter is bound to the integration (it serves what the binding does not). */
export function checkHttpBinding(spec: LoadedSpec, provides: readonly HttpCheckedCapability[], adapter: AdapterBinding | undefined): Diagnostic[] {
  const http = (spec.value as Obj).http;
  if (!isRecord(http)) return adapter?.partial ? [partialWithoutBinding(adapter)] : [];
  if (provides.length === 0) {
    return located(spec, [{ code: 'CG180', severity: 'error', path: ['http'], message: 'binds operations, but the integration provides no capability', hint: "list the capability in capabilities.provides, e.g. { key: 'sms.outbound', version: '1.0.0' }" }]);
  }
  const known = new Map(provides.flatMap((capability) => capability.operations.map((op) => [op.name, op] as const)));
  const found: SpecFinding[] = [];
  const bound = new Map<string, Operation>();
  for (const { path, scope } of httpRequests(http)) {
    if (scope.kind !== 'operation') continue;
    const operation = known.get(scope.name);
    if (operation) bound.set(scope.name, operation);
    else {
      const suggestion = closest(scope.name, [...known.keys()]);
      found.push({ code: 'CG180', severity: 'error', path, message: `binds "${scope.name}", which no provided capability (${provides.map((c) => c.key).join(', ')}) defines`, hint: suggestion ? `did you mean "${suggestion}"?` : `the operations are ${[...known.keys()].join(', ')}` });
    }
  }
  /** The operations a place serves: its own, or (shared auth and rules) every bound one. */
  const operationsOf = (scope: HttpScope): [string, Operation][] => (scope.kind === 'operation' ? (bound.has(scope.name) ? [[scope.name, bound.get(scope.name)!]] : []) : scope.kind === 'shared' ? [...bound] : []);
  const unknownInputs = inputReferences(http, operationsOf);
  // An input field the binding misspells is not also "never sent": the misspelling is the news.
  found.push(...unknownInputs, ...(unknownInputs.length ? [] : declaredInputs(http, bound)), ...outputs(http, bound), ...retries(http, operationsOf));
  if (!adapter) found.push(...unbound(http, known, bound));
  return located(spec, found);
}

/** The bound operations' requests. */
function boundRequests(http: Obj, bound: ReadonlyMap<string, Operation>): { path: Path; request: Obj; name: string; operation: Operation }[] {
  return httpRequests(http).flatMap(({ path, request, scope }) => (scope.kind === 'operation' && bound.has(scope.name) ? [{ path, request, name: scope.name, operation: bound.get(scope.name)! }] : []));
}

/** CG182 for every `input.*` the binding reads, and every error rule's `input`, per operation served. */
function inputReferences(http: Obj, operationsOf: (scope: HttpScope) => [string, Operation][]): SpecFinding[] {
  const found: SpecFinding[] = [];
  const check = (path: Path, segments: readonly (string | number)[], scope: HttpScope) => {
    for (const [name, operation] of operationsOf(scope)) {
      const lookup = fieldAt(operation.inputSchema, segments);
      if (!('missingAt' in lookup)) continue;
      const field = segments.slice(0, lookup.missingAt + 1).join('.');
      found.push(unknownField('CG182', path, scope.kind === 'shared' ? `input field (of ${name})` : 'input field', field, operation.inputSchema, lookup.known));
      break;
    }
  };
  for (const site of httpSites(http)) {
    for (const { path, reference } of referencesIn(site)) if (reference?.root === 'input' && reference.segments.length > 0) check(path, reference.segments, site.scope);
  }
  for (const { path, rule, scope } of httpRules(http)) if (typeof rule.input === 'string') check([...path, 'input'], rule.input.split('.'), scope);
  return found;
}

/**
 * CG182 for an `unsupported` or `local` name the input does not have; CG197 for an input field
 * the request never sends and that neither declares: a caller's value would vanish without a word.
 */
function declaredInputs(http: Obj, bound: ReadonlyMap<string, Operation>): SpecFinding[] {
  const found: SpecFinding[] = [];
  const sent = new Map<string, Set<string>>();
  for (const site of httpSites(http)) {
    if (site.side !== 'request') continue;
    for (const name of site.scope.kind === 'operation' ? [site.scope.name] : site.scope.kind === 'shared' ? [...bound.keys()] : []) {
      for (const { reference } of referencesIn(site)) {
        const field = reference?.root === 'input' ? reference.segments[0] : undefined;
        if (field !== undefined) (sent.get(name) ?? sent.set(name, new Set()).get(name)!).add(String(field));
      }
    }
  }
  for (const { path, request, name, operation } of boundRequests(http, bound)) {
    const declared = new Set<string>();
    const unknown = found.length;
    for (const list of ['unsupported', 'local'] as const) {
      if (!isRecord(request[list])) continue;
      for (const field of Object.keys(request[list])) {
        declared.add(field);
        if ('missingAt' in fieldAt(operation.inputSchema, [field])) found.push(unknownField('CG182', [...path, list, field], 'input field', field, operation.inputSchema));
      }
    }
    if (found.length > unknown) continue;
    for (const field of declaredFields(operation.inputSchema)) {
      if (sent.get(name)?.has(field) || declared.has(field)) continue;
      found.push({
        code: 'CG197',
        severity: 'warning',
        path,
        message: `never sends the input field ${field}: a caller's ${field} would be dropped silently`,
        hint: `send it (a query, header or body field), or declare it: unsupported: { ${field}: 'why' } refuses a call that gives it, local: { ${field}: 'why' } keeps it out of the request on purpose`,
      });
    }
  }
  return found;
}

/** CG188/CG189 and the values (CG190-CG192) of each bound operation's response mapping. */
function outputs(http: Obj, bound: ReadonlyMap<string, Operation>): SpecFinding[] {
  const found: SpecFinding[] = [];
  for (const { path, request, name, operation } of boundRequests(http, bound)) {
    const output = isRecord(request.response) ? request.response.output : undefined;
    if (!isRecord(output)) continue;
    const schema = operation.outputSchema;
    const at = [...path, 'response', 'output'];
    const missing = requiredFields(schema).filter((field) => !Object.hasOwn(output, field));
    if (missing.length > 0) {
      found.push({ code: 'CG188', severity: 'error', path: at, message: `never fills ${missing.join(', ')}, which the output of ${name} requires`, hint: `map each from the answer (body.*, header.*), the input or the config, or give a constant ({ value: null } where the field allows null): no value is ever made up` });
    }
    for (const [field, value] of Object.entries(output)) {
      const lookup = fieldAt(schema, [field]);
      if ('schema' in lookup) found.push(...valueFindings(value, [...at, field], { schema: lookup.schema, root: schema, field: `the output field ${field}` }));
      else if (!acceptsUndeclared(schema)) {
        const suggestion = closest(field, lookup.known);
        found.push({ code: 'CG189', severity: 'error', path: [...at, field], message: `is not a field of the output of ${name}`, hint: suggestion ? `did you mean "${suggestion}"?` : `its fields are ${lookup.known.join(', ')}` });
      }
    }
  }
  return found;
}

/** Whether a rule's status condition can match an answer that does not say the provider did nothing: a 5xx, a 408, or any status (no condition). */
function ambiguousStatus(when: Obj): boolean {
  if (when.status === undefined) return true;
  const statuses = Array.isArray(when.status) ? when.status : [when.status];
  return statuses.some((status) => status === '5xx' || status === '4xx' || status === 408 || (typeof status === 'number' && status >= 500));
}

/** CG196: a rule that makes the kernel retry a non-idempotent operation after a failure that may mean the provider acted. */
function retries(http: Obj, operationsOf: (scope: HttpScope) => [string, Operation][]): SpecFinding[] {
  return httpRules(http).flatMap(({ path, rule, scope }: HttpRule): SpecFinding[] => {
    const retried = rule.retryable === true || rule.error === 'rateLimited';
    const when = isRecord(rule.when) ? rule.when : {};
    if (!retried || when.body !== undefined || !ambiguousStatus(when)) return [];
    const exposed = operationsOf(scope).filter(([, operation]) => !operation.idempotent).map(([name]) => name);
    if (exposed.length === 0) return [];
    const why = rule.retryable === true ? 'is retryable' : 'is rateLimited (always retried)';
    return [{
      code: 'CG196',
      severity: 'error',
      path: [...path, rule.retryable === true ? 'retryable' : 'error'],
      message: `${why}, and the rule can match ${when.status === undefined ? 'any status (5xx included)' : 'a 5xx or 408 answer'} of ${exposed.join(', ')}, which ${exposed.length > 1 ? 'are' : 'is'} not idempotent: the provider may have acted, and a retry would do it twice`,
      hint: 'match a definite rejection: a status that says nothing was done (429, a 4xx other than 408), or a provider code in the body (when.body)',
    }];
  });
}

/** CG143: a partial adapter leaves operations to a binding the spec does not have. */
function partialWithoutBinding(adapter: AdapterBinding): Diagnostic {
  return {
    code: 'CG143',
    severity: 'error',
    message: `${adapter.exportName} is a partial adapter (definePartialAdapter), but the ${adapter.integration} spec has no http section to serve what it leaves out`,
    hint: 'declare it with defineAdapter and implement every operation and probeHealth, or bind the rest in the spec\'s http section',
    ...adapter.position,
  };
}

/** CG193: what the binding leaves unbound (operations, the health probe) when no hand-written adapter serves it. */
function unbound(http: Obj, known: ReadonlyMap<string, Operation>, bound: ReadonlyMap<string, Operation>): SpecFinding[] {
  const found: SpecFinding[] = [];
  const missing = [...known.keys()].filter((name) => !bound.has(name));
  if (missing.length > 0) {
    found.push({ code: 'CG193', severity: 'warning', path: ['http', 'operations'], message: `binds no request for ${missing.join(', ')}, and no hand-written adapter serves ${missing.length > 1 ? 'them' : 'it'}: the client requires an adapter option for ${missing.length > 1 ? 'them' : 'it'}`, hint: 'bind each operation here, or write an adapter (defineAdapter) that implements the rest' });
  }
  if (!isRecord(http.health)) {
    found.push({ code: 'CG193', severity: 'warning', path: ['http'], message: 'binds no health probe (http.health), and no hand-written adapter serves one: every health check reports down', hint: 'add health: { method, path } with a cheap authenticated request (an account or balance endpoint)' });
  }
  return found;
}
