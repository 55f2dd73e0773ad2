/**
 * What every provider stand-in in test/support shares: a loopback HTTP server (the runtime's
 * serveFetchHandler) that records each request, answers with the provider's behaviour (the
 * `answer` function each stand-in writes from its provider's documentation), and lets a test
 * script the next answers per route: an error body, a delay, a hang, a dropped connection.
 *
 * Secrets stay out of the printable parts of recorded requests: the Authorization header is
 * redacted and a Basic password is non-enumerable, so a failing assertion does not print it.
 */
import { DROP_CONNECTION, serveFetchHandler } from '@contractgen/runtime/testing';

export type Fields = Record<string, string | string[]>;

export interface RecordedAuth {
  scheme: 'basic';
  username: string;
  /** Non-enumerable: readable, but left out of diffs, JSON and util.inspect. */
  readonly password: string;
}

export interface RecordedRequest {
  method: string;
  /** The host the client meant (x-forwarded-host from redirectFetch), else the Host header. */
  host: string;
  /** Without the query string. */
  path: string;
  query: Fields;
  /** Lower-case names; `authorization` redacted. */
  headers: Record<string, string>;
  /** Parsed application/x-www-form-urlencoded body; {} otherwise. */
  form: Fields;
  /** Parsed application/json body; undefined otherwise (or when it is not JSON). */
  json?: unknown;
  rawBody: string;
  auth?: RecordedAuth;
}

/** A provider's answer: status, JSON (object) or text (string) body, headers. */
export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ScriptedAnswer extends Partial<Answer> {
  delayMs?: number;
  /** Never answer; close() ends the connection. */
  hang?: boolean;
  /** Close the socket without any response. */
  drop?: boolean;
  /** How many matching requests this answers. Default 1. */
  times?: number;
}

/** `"POST /sms/json"` or a path; `{name}` and `*` match one segment. Or a predicate. */
export type RouteMatcher = string | ((request: RecordedRequest) => boolean);

export interface StandIn {
  readonly url: string;
  readonly requests: RecordedRequest[];
  respondNext(matcher: RouteMatcher, answer: ScriptedAnswer): StandIn;
  readonly pendingScripts: number;
  reset(): void;
  close(): Promise<void>;
}

export async function startStandIn(answer: (request: RecordedRequest) => Answer): Promise<StandIn> {
  const requests: RecordedRequest[] = [];
  const scripts: { matches: (request: RecordedRequest) => boolean; answer: ScriptedAnswer; left: number }[] = [];
  const hanging = new Set<() => void>();

  const server = await serveFetchHandler(async (request) => {
    const recorded = await record(request);
    requests.push(recorded);
    const index = scripts.findIndex((script) => script.matches(recorded));
    const script = index < 0 ? undefined : scripts[index]!;
    if (script && --script.left <= 0) scripts.splice(index, 1);
    const scripted = script?.answer;
    if (scripted?.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
    if (scripted?.hang) return new Promise<never>((_resolve, reject) => hanging.add(() => reject(new Error('closed'))));
    if (scripted?.drop) return DROP_CONNECTION;
    const final = scripted?.status !== undefined ? { status: scripted.status, body: scripted.body, headers: scripted.headers } : answer(recorded);
    return toResponse(final);
  });

  const standIn: StandIn = {
    url: server.url,
    requests,
    respondNext(matcher, scripted) {
      scripts.push({ matches: toPredicate(matcher), answer: scripted, left: scripted.times ?? 1 });
      return standIn;
    },
    get pendingScripts() {
      return scripts.reduce((sum, script) => sum + script.left, 0);
    },
    reset() {
      requests.length = 0;
      scripts.length = 0;
    },
    async close() {
      for (const end of hanging) end();
      hanging.clear();
      await server.close();
    },
  };
  return standIn;
}

function toResponse(answer: Answer): Response {
  const headers = new Headers(answer.headers);
  if (answer.body === undefined) return new Response(null, { status: answer.status, headers });
  if (typeof answer.body === 'string') {
    if (!headers.has('content-type')) headers.set('content-type', 'text/plain; charset=utf-8');
    return new Response(answer.body, { status: answer.status, headers });
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers });
}

async function record(request: Request): Promise<RecordedRequest> {
  const url = new URL(request.url);
  const rawBody = await request.text();
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  const authorization = headers.authorization;
  if (authorization !== undefined) headers.authorization = `${authorization.split(' ')[0] ?? ''} [redacted]`;
  const contentType = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const recorded: RecordedRequest = {
    method: request.method,
    host: headers['x-forwarded-host'] ?? headers.host ?? url.host,
    path: url.pathname,
    query: fieldsOf(url.searchParams),
    headers,
    form: contentType === 'application/x-www-form-urlencoded' ? fieldsOf(new URLSearchParams(rawBody)) : {},
    rawBody,
  };
  if (contentType === 'application/json') {
    try {
      recorded.json = JSON.parse(rawBody) as unknown;
    } catch {
      // Left undefined: the stand-in answers it as the provider answers a malformed body.
    }
  }
  const auth = parseBasicAuth(authorization);
  if (auth) recorded.auth = auth;
  return recorded;
}

function parseBasicAuth(header: string | undefined): RecordedAuth | undefined {
  const match = header === undefined ? null : /^Basic\s+(\S+)$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const auth = { scheme: 'basic' as const, username: colon < 0 ? decoded : decoded.slice(0, colon) };
  Object.defineProperty(auth, 'password', { value: colon < 0 ? '' : decoded.slice(colon + 1), enumerable: false });
  return auth as RecordedAuth;
}

/** URLSearchParams -> record; repeated keys become arrays in order. */
export function fieldsOf(params: URLSearchParams): Fields {
  const fields: Fields = {};
  for (const [key, value] of params) {
    const existing = fields[key];
    if (existing === undefined) fields[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else fields[key] = [existing, value];
  }
  return fields;
}

/** The single value of a field; undefined when absent or repeated. */
export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

function toPredicate(matcher: RouteMatcher): (request: RecordedRequest) => boolean {
  if (typeof matcher === 'function') return matcher;
  const spaced = /^([A-Za-z]+)\s+(\S+)$/.exec(matcher.trim());
  const method = spaced ? spaced[1]!.toUpperCase() : undefined;
  const template = spaced ? spaced[2]! : matcher.trim();
  const pattern = new RegExp(
    `^${template
      .split(/(\{[^}/]+\}|\*)/)
      .map((part, i) => (i % 2 === 1 ? '[^/]+?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
  );
  return (request) => (method === undefined || request.method === method) && pattern.test(request.path);
}
