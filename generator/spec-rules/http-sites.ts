/**
 * The places of an `http` section (author form, HTTP-DESIGN.md section 1) where values are
 * written, and the references each value holds: what every HTTP check walks, so that a rule about
 * references holds for every place one can appear (path, query, headers, body fields, auth, error
 * rules, response output, health) without a list of places of its own. Tolerant of any shape: a
 * section of the wrong shape is a structural finding already, and here it yields fewer sites.
 */
import { isRecord } from '../values.js';

type Path = readonly (string | number)[];
type Obj = Record<string, unknown>;

/**
 * Which references a place may read. `request`: input, config, secrets (what is sent).
 * `response`: body, header, input, config (read from an answer; never a secret). `match`: body
 * and header only (an error rule's `when.body.path`, `requestId`).
 */
export type HttpSide = 'request' | 'response' | 'match';

/** Whose input a place reads: one operation's, the health probe's (none), or every operation's (shared auth and rules). */
export type HttpScope = { readonly kind: 'operation'; readonly name: string } | { readonly kind: 'health' } | { readonly kind: 'shared' };

export interface HttpSite {
  /** Where the value is written, inside the spec. */
  readonly path: Path;
  readonly value: unknown;
  readonly side: HttpSide;
  readonly scope: HttpScope;
  /** A path template (placeholders only, no value grammar). */
  readonly template?: true;
  /** Bare reference text only (`when.body.path`, `requestId`), no value grammar. */
  readonly reference?: true;
  /** The value ends up in the URL (path, query, query auth): where secrets need `secretsInUrl`. */
  readonly inUrl: boolean;
}

export interface HttpRule {
  readonly path: Path;
  readonly rule: Obj;
  readonly scope: HttpScope;
}

/** A request of the section (an operation or the health probe), with where it is. */
export interface HttpRequest {
  readonly path: Path;
  readonly request: Obj;
  readonly scope: HttpScope;
}

export const HTTP_ROOTS = ['input', 'config', 'secrets', 'body', 'header'] as const;
export type HttpRoot = (typeof HTTP_ROOTS)[number];

export const ROOTS_BY_SIDE: Readonly<Record<HttpSide, readonly HttpRoot[]>> = {
  request: ['input', 'config', 'secrets'],
  response: ['body', 'header', 'input', 'config'],
  match: ['body', 'header'],
};

/** The operations and the health probe, each with its scope. */
export function httpRequests(http: Obj): HttpRequest[] {
  const requests: HttpRequest[] = [];
  if (isRecord(http.operations)) {
    for (const [name, operation] of Object.entries(http.operations)) {
      if (isRecord(operation)) requests.push({ path: ['http', 'operations', name], request: operation, scope: { kind: 'operation', name } });
    }
  }
  if (isRecord(http.health)) requests.push({ path: ['http', 'health'], request: http.health, scope: { kind: 'health' } });
  return requests;
}

/** Every error rule: the shared ones, then each request's own. */
export function httpRules(http: Obj): HttpRule[] {
  const rules: HttpRule[] = [];
  const add = (list: unknown, path: Path, scope: HttpScope) => {
    if (Array.isArray(list)) list.forEach((rule, i) => isRecord(rule) && rules.push({ path: [...path, 'errors', i], rule, scope }));
  };
  add(http.errors, ['http'], { kind: 'shared' });
  for (const { path, request, scope } of httpRequests(http)) add(request.errors, path, scope);
  return rules;
}

/** Every place a value is written in the section. */
export function httpSites(http: Obj): HttpSite[] {
  const sites: HttpSite[] = [];
  const entries = (object: unknown, path: Path, side: HttpSide, scope: HttpScope, inUrl: boolean) => {
    if (isRecord(object)) for (const [name, value] of Object.entries(object)) sites.push({ path: [...path, name], value, side, scope, inUrl });
  };
  const auth = (value: unknown, path: Path, scope: HttpScope) => {
    if (!isRecord(value)) return;
    for (const field of ['username', 'password', 'token'] as const) {
      if (field in value) sites.push({ path: [...path, field], value: value[field], side: 'request', scope, inUrl: false });
    }
    entries(value.fields, [...path, 'fields'], 'request', scope, value.type === 'query');
  };
  const shared = { kind: 'shared' } as const;
  auth(http.auth, ['http', 'auth'], shared);
  if ('requestId' in http) sites.push({ path: ['http', 'requestId'], value: http.requestId, side: 'match', scope: shared, inUrl: false, reference: true });
  for (const { path, request, scope } of httpRequests(http)) {
    if ('path' in request) sites.push({ path: [...path, 'path'], value: request.path, side: 'request', scope, inUrl: true, template: true });
    auth(request.auth, [...path, 'auth'], scope);
    entries(request.query, [...path, 'query'], 'request', scope, true);
    entries(request.headers, [...path, 'headers'], 'request', scope, false);
    if (isRecord(request.body)) entries(request.body.fields, [...path, 'body', 'fields'], 'request', scope, false);
    if (isRecord(request.response)) entries(request.response.output, [...path, 'response', 'output'], 'response', scope, false);
    for (const field of ['status', 'detail'] as const) {
      if (scope.kind === 'health' && field in request) sites.push({ path: [...path, field], value: request[field], side: 'response', scope, inUrl: false });
    }
  }
  for (const { path, rule, scope } of httpRules(http)) {
    for (const field of ['code', 'message', 'docsUrl'] as const) if (field in rule) sites.push({ path: [...path, field], value: rule[field], side: 'response', scope, inUrl: false });
    const body = isRecord(rule.when) ? rule.when.body : undefined;
    if (isRecord(body) && 'path' in body) sites.push({ path: [...path, 'when', 'body', 'path'], value: body.path, side: 'match', scope, inUrl: false, reference: true });
  }
  return sites;
}

/** A reference as written, parsed: its root (maybe not a known one) and the segments below. */
export interface ParsedReference {
  readonly text: string;
  readonly root: string;
  readonly segments: readonly (string | number)[];
}

/** One reference found in a value, and where exactly (a `first` item, a `from`, a template). */
export interface FoundReference {
  readonly path: Path;
  readonly reference?: ParsedReference;
  /** Why the text is no reference at all (an empty segment, an unclosed placeholder). */
  readonly problem?: string;
  /** Found in a template's placeholder. */
  readonly placeholder?: true;
}

/** `body.messages.0.message-id` -> root `body`, segments ['messages', 0, 'message-id']; undefined for an empty segment. */
export function parseReference(text: string): ParsedReference | undefined {
  const parts = text.split('.');
  if (parts.some((part) => part === '')) return undefined;
  const [root, ...rest] = parts as [string, ...string[]];
  return { text, root, segments: rest.map((part) => (/^(0|[1-9]\d*)$/.test(part) ? Number(part) : part)) };
}

/** The placeholders of a template (`'+{body.records.0.to}'`), or why it cannot be read. */
export function templatePlaceholders(template: string): { placeholders: string[]; problem?: string } {
  const placeholders: string[] = [];
  let rest = template;
  for (;;) {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (open < 0 && close < 0) return { placeholders };
    if (close >= 0 && (open < 0 || close < open)) return { placeholders, problem: `has a "}" without its "{"` };
    if (close < 0) return { placeholders, problem: `has a "{" that is never closed` };
    const inner = rest.slice(open + 1, close);
    if (inner.includes('{')) return { placeholders, problem: `has a "{" inside the placeholder "{${inner}}"` };
    placeholders.push(inner);
    rest = rest.slice(close + 1);
  }
}

/** Every reference a value holds (author form: a string is a reference; `{ value }` holds none). */
export function referencesIn(site: Pick<HttpSite, 'path' | 'value' | 'template' | 'reference'>): FoundReference[] {
  if (site.template) return typeof site.value === 'string' ? inTemplate(site.value, site.path) : [];
  if (site.reference) return typeof site.value === 'string' ? [asReference(site.value, site.path)] : [];
  return inValue(site.value, site.path);
}

function asReference(text: string, path: Path): FoundReference {
  const reference = parseReference(text);
  return reference ? { path, reference } : { path, problem: `"${text}" is not a reference: a segment is empty` };
}

function inTemplate(template: string, path: Path): FoundReference[] {
  const { placeholders, problem } = templatePlaceholders(template);
  const found: FoundReference[] = placeholders.map((text) => ({ ...asReference(text, path), placeholder: true }));
  if (problem) found.push({ path, problem: `template ${problem}` });
  return found;
}

function inValue(value: unknown, path: Path): FoundReference[] {
  if (typeof value === 'string') return [asReference(value, path)];
  if (!isRecord(value)) return [];
  if (Array.isArray(value.first)) return value.first.flatMap((item, i) => inValue(item, [...path, 'first', i]));
  if (typeof value.template === 'string') return inTemplate(value.template, [...path, 'template']);
  if (typeof value.from === 'string') return [asReference(value.from, [...path, 'from'])];
  return [];
}
