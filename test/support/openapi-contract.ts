/**
 * Offline contract check: does a request (as a stand-in recorded it, or written by hand) conform
 * to a provider's own OpenAPI description? The provider checkers (twilio-contract.ts,
 * vonage-contract.ts) are this one check over their published files.
 *
 * It catches what a hand-written stand-in cannot: a misspelt or invented parameter (providers
 * ignore or reject those in production, never in a mock), a missing required parameter, a value
 * of the wrong type or pattern, a wrong host, path or method.
 *
 * Checked: the operation exists (server origin when the request says its host, path template
 * + method; path-item and operation `servers` honoured), path parameters, query parameters
 * (`$ref`'d ones included), the application/x-www-form-urlencoded body (unknown / missing / type /
 * pattern / enum / format), HTTP Basic when the operation's security asks for it and the body's
 * content type, when headers are given. Wire values are strings, so ajv coerces them to the
 * schema's type ("3" -> 3, "true" -> true, a single value -> [value]) on a copy.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with a default export; under NodeNext its typing is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv, formats: string[]) => Ajv;

/** Form or query fields; a repeated key keeps every value. */
export type ContractFields = Record<string, string | string[]>;

/** The parts of a request the check reads; a stand-in's recorded request fits, so does a literal. */
export interface ContractRequest {
  readonly method: string;
  readonly path: string;
  /** The host the request was sent to, e.g. `rest.nexmo.com`; checked against the operation's server when given. */
  readonly host?: string;
  readonly query?: ContractFields;
  readonly form?: ContractFields;
  readonly headers?: Record<string, string | string[] | undefined>;
}

export interface ContractOptions {
  /** Module paths of the OpenAPI documents (resolved from node_modules). */
  readonly documents: readonly string[];
  /** Extra ajv formats: `true` accepts anything, a RegExp checks. */
  readonly formats?: Readonly<Record<string, true | RegExp>>;
  /** Keys of schema objects to drop before compiling (vendor extensions, prose). */
  readonly ignoredKeys?: readonly string[];
  /** Rewrites one schema object after preparation (vendor rules such as Twilio's `ignoreFormat`). */
  readonly adjust?: (prepared: Json, original: Json) => void;
  /** Checks the schema cannot express, run on a conforming route; problems without the route prefix. */
  readonly extraChecks?: (request: ContractRequest) => string[];
}

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
}
interface Operation {
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Json }> };
  security?: Record<string, string[]>[];
  servers?: { url: string }[];
}
interface Route {
  doc: Json;
  label: string;
  template: string;
  regex: RegExp;
  paramNames: string[];
  literalLength: number;
  item: Json;
  /** Origin of the route's server, e.g. https://rest.nexmo.com. */
  origin: string;
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A checker over the given documents: problems with a request, [] when it conforms. */
export function createContractChecker(options: ContractOptions): (request: ContractRequest) => string[] {
  let loaded: { routes: Route[]; ajv: Ajv; validators: Map<string, ValidateFunction>; labels: string } | undefined;

  /** Parse the descriptions once, on first use (most test files never need them). */
  function load() {
    if (loaded) return loaded;
    const require = createRequire(import.meta.url);
    const routes: Route[] = [];
    for (const module of options.documents) {
      const file = require.resolve(module);
      const doc = JSON.parse(readFileSync(file, 'utf8')) as Json;
      const label = basename(file);
      const topServers = doc.servers as { url: string }[] | undefined;
      for (const [template, item] of Object.entries(doc.paths as Record<string, Json>)) {
        // Each path item may name its own server; its path, if any, prefixes the template.
        const servers = (item.servers as { url: string }[] | undefined) ?? topServers ?? [];
        const server = servers[0] ? new URL(servers[0].url) : undefined;
        const full = (server ? server.pathname.replace(/\/+$/, '') : '') + template;
        const paramNames: string[] = [];
        const source = full
          .split(/(\{[^}/]+\})/)
          .map((part, i) => {
            if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            paramNames.push(part.slice(1, -1));
            return '([^/]+?)';
          })
          .join('');
        routes.push({ doc, label, template: full, regex: new RegExp(`^${source}$`), paramNames, literalLength: full.replace(/\{[^}/]+\}/g, '').length, item, origin: server?.origin ?? '' });
      }
    }
    // When two templates match, the one with more literal text is the intended one.
    routes.sort((a, b) => b.literalLength - a.literalLength);
    const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: 'array', validateSchema: false });
    addFormats(ajv, ['uri', 'date', 'int32', 'int64']);
    for (const [name, format] of Object.entries(options.formats ?? {})) ajv.addFormat(name, format);
    loaded = { routes, ajv, validators: new Map(), labels: [...new Set(routes.map((route) => route.label))].join(', ') };
    return loaded;
  }

  return function check(request: ContractRequest): string[] {
    const { routes, labels } = load();
    const method = request.method.toLowerCase();
    const label = `${request.method.toUpperCase()} ${request.path}`;

    const candidates = routes.filter((route) => route.regex.test(request.path));
    if (candidates.length === 0) return [`${label}: no path in ${labels} matches`];
    const route = candidates.find((candidate) => isOperation(candidate.item[method]));
    if (!route) {
      const allowed = HTTP_METHODS.filter((m) => isOperation(candidates[0]!.item[m])).map((m) => m.toUpperCase());
      return [`${label}: ${candidates[0]!.template} has no ${request.method.toUpperCase()} operation (has ${allowed.join(', ')})`];
    }
    const operation = route.item[method] as Operation;
    const where = `${request.method.toUpperCase()} ${route.template}`;
    const problems: string[] = [];

    const origin = operation.servers?.[0] ? new URL(operation.servers[0].url).origin : route.origin;
    if (request.host !== undefined && origin && new URL(origin).host !== request.host) problems.push(`sent to ${request.host}, but the operation is served by ${origin}`);

    const values = route.regex.exec(request.path)!.slice(1);
    const pathFields: ContractFields = {};
    route.paramNames.forEach((name, i) => (pathFields[name] = decodeURIComponent(values[i]!)));
    problems.push(...validate(route, method, 'path', parameterSchema(route, operation, 'path'), pathFields));
    problems.push(...validate(route, method, 'query', parameterSchema(route, operation, 'query'), request.query ?? {}));

    const formSchema = operation.requestBody?.content?.['application/x-www-form-urlencoded']?.schema;
    const form = request.form ?? {};
    if (formSchema) {
      problems.push(...validate(route, method, 'form', formSchema, form));
      const contentType = headerValue(request.headers, 'content-type');
      if (request.headers && !contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
        problems.push(`content-type must be application/x-www-form-urlencoded`);
      }
    } else if (Object.keys(form).length > 0) {
      problems.push(`this operation takes no request body, got form parameters ${Object.keys(form).join(', ')}`);
    }

    const security = operation.security ?? (route.doc.security as Operation['security']) ?? [];
    const schemes = (route.doc.components as { securitySchemes?: Record<string, { type?: string; scheme?: string }> } | undefined)?.securitySchemes ?? {};
    // A named scheme the document does not describe counts as Basic (Twilio's whole API is Basic).
    const needsBasic = security.some((requirement) => Object.keys(requirement).some((name) => (schemes[name]?.scheme ?? 'basic').toLowerCase() === 'basic'));
    if (request.headers && needsBasic && !/^basic\s/i.test(headerValue(request.headers, 'authorization') ?? '')) {
      problems.push('missing HTTP Basic authorization');
    }
    problems.push(...(options.extraChecks?.(request) ?? []));
    return problems.map((problem) => `${where}: ${problem}`);
  };

  /** OpenAPI parameters (path-item level overridden by operation level, `$ref`s resolved) as one object schema. */
  function parameterSchema(route: Route, operation: Operation, location: 'path' | 'query'): Json {
    const byName = new Map<string, Parameter>();
    const declared = [...((route.item.parameters as Operation['parameters']) ?? []), ...(operation.parameters ?? [])];
    for (const entry of declared) {
      const parameter = ('$ref' in entry ? resolvePointer(route.doc, entry.$ref) : entry) as Parameter;
      if (parameter.in === location) byName.set(parameter.name, parameter);
    }
    const properties: Record<string, Json> = {};
    const required: string[] = [];
    for (const parameter of byName.values()) {
      properties[parameter.name] = parameter.schema ?? {};
      if (parameter.required) required.push(parameter.name);
    }
    return { type: 'object', properties, required };
  }

  function validate(route: Route, method: string, location: 'path' | 'query' | 'form', schema: Json, fields: ContractFields): string[] {
    const { ajv, validators } = load();
    const key = `${route.label} ${method} ${route.template} ${location}`;
    let validator = validators.get(key);
    if (!validator) {
      // Unknown parameters are errors: the provider's SDK would never send them, and a typo
      // silently drops a feature in production.
      const closed: Json = { ...(prepare(schema, route.doc, new Set()) as Json), additionalProperties: false };
      validator = ajv.compile(closed);
      validators.set(key, validator);
    }
    const copy = structuredClone(fields); // coerceTypes rewrites the data it validates
    if (validator(copy)) return [];
    return (validator.errors ?? []).map((error) => describe(error, location));
  }

  /** Inline local $refs so each compiled schema is self-contained; drop ignored keys and formats ajv cannot check. */
  function prepare(node: unknown, doc: Json, seen: Set<string>): unknown {
    if (Array.isArray(node)) return node.map((item) => prepare(item, doc, seen));
    if (typeof node !== 'object' || node === null) return node;
    const object = node as Json;
    if (typeof object.$ref === 'string') {
      const ref = object.$ref;
      if (seen.has(ref)) return {}; // recursive schema: accept below this point
      return prepare(resolvePointer(doc, ref), doc, new Set([...seen, ref]));
    }
    const ignored = new Set(['description', 'examples', 'example', ...(options.ignoredKeys ?? [])]);
    const out: Json = {};
    for (const [key, value] of Object.entries(object)) if (!ignored.has(key)) out[key] = prepare(value, doc, seen);
    options.adjust?.(out, object);
    if (typeof out.format === 'string' && !(out.format in load().ajv.formats)) delete out.format;
    return out;
  }
}

function resolvePointer(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`contract: unsupported $ref ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Json | undefined)?.[segment];
  }
  if (node === undefined) throw new Error(`contract: dangling $ref ${ref}`);
  return node;
}

function isOperation(value: unknown): value is Operation {
  return typeof value === 'object' && value !== null;
}

function describe(error: ErrorObject, location: 'path' | 'query' | 'form'): string {
  const field = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment, i) => (i === 0 ? segment : `[${segment}]`))
    .join('');
  const subject = `${location} parameter ${field}`;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown ${location} parameter ${String(error.params.additionalProperty)}`;
    case 'required':
      return `missing required ${location} parameter ${String(error.params.missingProperty)}`;
    case 'type':
      return `${subject} must be ${String(error.params.type)}`;
    case 'pattern':
      return `${subject} must match pattern ${String(error.params.pattern)}`;
    case 'enum':
      return `${subject} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
    case 'format':
      return `${subject} must be a valid ${String(error.params.format)}`;
    default:
      return `${subject} ${error.message ?? 'is invalid'}`;
  }
}

export function headerValue(headers: ContractRequest['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
