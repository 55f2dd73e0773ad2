/**
 * Offline contract check: does a request (as recorded by the Twilio stand-in,
 * or written by hand) conform to Twilio's own OpenAPI description of the
 * 2010-04-01 API (twilio_api_v2010.json from twilio-oai, shipped in @twilio-alpha/mcp)?
 *
 * It catches what a hand-written stand-in cannot: a misspelt or invented
 * parameter (Twilio ignores or rejects those in production, never in a mock),
 * a missing required parameter, a value of the wrong type or pattern (a
 * ContentSid that is not HX + 32 hex, a non-integer ValidityPeriod), a wrong
 * path or method.
 *
 * Checked: the operation exists (path template + method; the path-item
 * `servers` base path is honoured), path parameters, query parameters, the
 * application/x-www-form-urlencoded body (unknown / missing / type / pattern /
 * enum / format), Basic auth presence and the body's content type when headers
 * are given. Form values are strings on the wire, so ajv coerces them to the
 * schema's type ("3" -> 3, "true" -> true, a single value -> [value]) on a copy.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FormFields, RecordedRequest } from '@contractgen/twilio/testing';

// ajv-formats is CommonJS with a default export; under NodeNext its typing is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv, formats: string[]) => Ajv;

/** The parts of a request the check reads; a RecordedRequest fits, so does a hand-made literal. */
export type ContractRequest = Pick<RecordedRequest, 'method' | 'path'> &
  Partial<Pick<RecordedRequest, 'query' | 'form' | 'headers'>>;

// Twilio's own OpenAPI description (the twilio-oai spec folder, as shipped in @twilio-alpha/mcp).
const SPEC_MODULE = '@twilio-alpha/mcp/twilio-oai/spec/json/twilio_api_v2010.json';
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Json }> };
  security?: Record<string, string[]>[];
}
interface Route {
  template: string;
  regex: RegExp;
  paramNames: string[];
  literalLength: number;
  item: Json;
}
interface Spec {
  doc: Json;
  routes: Route[];
  ajv: Ajv;
  validators: Map<string, ValidateFunction>;
}

let spec: Spec | undefined;

/** Parse the 1.9 MB description once, on first use (most test files never need it). */
function loadSpec(): Spec {
  if (spec) return spec;
  const file = createRequire(import.meta.url).resolve(SPEC_MODULE);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Json;
  const topServers = doc.servers as { url: string }[] | undefined;
  const routes: Route[] = [];
  for (const [template, item] of Object.entries(doc.paths as Record<string, Json>)) {
    // Each path item names its server (https://api.twilio.com); its path, if any, prefixes the template.
    const servers = (item.servers as { url: string }[] | undefined) ?? topServers ?? [];
    const basePath = servers[0] ? new URL(servers[0].url).pathname.replace(/\/+$/, '') : '';
    const full = basePath + template;
    const paramNames: string[] = [];
    const source = full
      .split(/(\{[^}/]+\})/)
      .map((part, i) => {
        if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        paramNames.push(part.slice(1, -1));
        return '([^/]+?)';
      })
      .join('');
    routes.push({
      template: full,
      regex: new RegExp(`^${source}$`),
      paramNames,
      literalLength: full.replace(/\{[^}/]+\}/g, '').length,
      item,
    });
  }
  // When two templates match, the one with more literal text is the intended one.
  routes.sort((a, b) => b.literalLength - a.literalLength);

  const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: 'array', validateSchema: false });
  addFormats(ajv, ['uri', 'date', 'int32', 'int64']);
  // Twilio accepts ISO dates as well as date-times where the schema says date-time
  // (DateSent filters); the SDK sends YYYY-MM-DDTHH:mm:ssZ.
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i);
  // A "phone-number" is E.164, a short code, an alphanumeric sender ID or a channel
  // address (whatsapp:+...): the description gives no checkable syntax.
  ajv.addFormat('phone-number', true);
  spec = { doc, routes, ajv, validators: new Map() };
  return spec;
}

/** The values Twilio's description lists for one of its enums, e.g. `message_enum_status` (the statuses an adapter must map, every one). */
export function twilioEnum(schemaName: string): string[] {
  const schemas = (loadSpec().doc.components as { schemas: Record<string, { enum?: unknown }> }).schemas;
  const values = schemas[schemaName]?.enum;
  if (!Array.isArray(values) || !values.every((v): v is string => typeof v === 'string')) throw new Error(`twilio_api_v2010.json has no string enum ${schemaName}`);
  return values;
}

/**
 * Problems with `request` against twilio_api_v2010.json; an empty array means it conforms.
 * Messages name parameters but never quote values (they may be personal data).
 */
export function checkTwilioRequest(request: ContractRequest): string[] {
  const { routes } = loadSpec();
  const method = request.method.toLowerCase();
  const label = `${request.method.toUpperCase()} ${request.path}`;

  const candidates = routes.filter((route) => route.regex.test(request.path));
  if (candidates.length === 0) return [`${label}: no path in twilio_api_v2010.json matches`];
  const route = candidates.find((candidate) => isOperation(candidate.item[method]));
  if (!route) {
    const allowed = HTTP_METHODS.filter((m) => isOperation(candidates[0]!.item[m])).map((m) => m.toUpperCase());
    return [`${label}: ${candidates[0]!.template} has no ${request.method.toUpperCase()} operation (has ${allowed.join(', ')})`];
  }
  const operation = route.item[method] as Operation;
  const where = `${request.method.toUpperCase()} ${route.template}`;
  const problems: string[] = [];

  // Path parameters, e.g. AccountSid ^AC[0-9a-fA-F]{32}$.
  const values = route.regex.exec(request.path)!.slice(1);
  const pathFields: FormFields = {};
  route.paramNames.forEach((name, i) => (pathFields[name] = decodeURIComponent(values[i]!)));
  problems.push(...validate(route, method, 'path', parameterSchema(operation, route.item, 'path'), pathFields));

  // Query string.
  problems.push(...validate(route, method, 'query', parameterSchema(operation, route.item, 'query'), request.query ?? {}));

  // Form body.
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

  // The whole API uses HTTP Basic (account SID or API key + token/secret).
  const needsBasic = ((operation.security ?? (loadSpec().doc.security as Operation['security'])) ?? []).length > 0;
  if (request.headers && needsBasic && !/^basic\s/i.test(headerValue(request.headers, 'authorization') ?? '')) {
    problems.push('missing HTTP Basic authorization');
  }

  if (typeof form.ContentVariables === 'string') {
    // Beyond the schema (type: string): Twilio rejects anything but a JSON object (error 21656).
    if (!isJsonObject(form.ContentVariables)) problems.push('form parameter ContentVariables must be a JSON object string');
  }

  return problems.map((problem) => `${where}: ${problem}`);
}

function isOperation(value: unknown): value is Operation {
  return typeof value === 'object' && value !== null;
}

/** OpenAPI parameters (path-item level overridden by operation level) as one object schema. */
function parameterSchema(operation: Operation, item: Json, location: 'path' | 'query'): Json {
  const byName = new Map<string, Parameter>();
  for (const parameter of [...((item.parameters as Parameter[] | undefined) ?? []), ...(operation.parameters ?? [])]) {
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

function validate(route: Route, method: string, location: 'path' | 'query' | 'form', schema: Json, fields: FormFields): string[] {
  const { ajv, validators, doc } = loadSpec();
  const key = `${method} ${route.template} ${location}`;
  let validator = validators.get(key);
  if (!validator) {
    // Unknown parameters are errors: Twilio's SDK would never send them, and a typo
    // (MediaURL, StatusCallBack) silently drops a feature in production.
    const closed: Json = { ...(prepare(schema, doc, new Set()) as Json), additionalProperties: false };
    validator = ajv.compile(closed);
    validators.set(key, validator);
  }
  const copy = structuredClone(fields); // coerceTypes rewrites the data it validates
  if (validator(copy)) return [];
  return (validator.errors ?? []).map((error) => describe(error, location));
}

/**
 * Inline local $refs (#/components/schemas/...) so each compiled schema is
 * self-contained, and honour Twilio's `x-twilio.ignoreFormat` (MediaUrl items
 * are declared uri, but Twilio does not enforce it).
 */
function prepare(node: unknown, doc: Json, seen: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => prepare(item, doc, seen));
  if (typeof node !== 'object' || node === null) return node;
  const object = node as Json;
  if (typeof object.$ref === 'string') {
    const ref = object.$ref;
    if (seen.has(ref)) return {}; // recursive schema: accept below this point
    return prepare(resolvePointer(doc, ref), doc, new Set([...seen, ref]));
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) {
    if (key === 'x-twilio' || key === 'description' || key === 'examples' || key === 'example') continue;
    out[key] = prepare(value, doc, seen);
  }
  const vendor = object['x-twilio'] as { ignoreFormat?: boolean } | undefined;
  if (vendor?.ignoreFormat) delete out.format;
  if (typeof out.format === 'string' && !(out.format in loadSpec().ajv.formats)) {
    // Formats with no checkable syntax here (twiml, endpoint, http-method, iso-country-code).
    delete out.format;
  }
  return out;
}

function resolvePointer(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`twilio contract: unsupported $ref ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Json | undefined)?.[segment];
  }
  if (node === undefined) throw new Error(`twilio contract: dangling $ref ${ref}`);
  return node;
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

function headerValue(headers: ContractRequest['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

function isJsonObject(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}
