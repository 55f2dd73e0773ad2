/**
 * What every provider stand-in shares (Twilio's in `@contractgen/twilio/testing`, this
 * repository's Vonage and Plivo ones, yours): a loopback HTTP server (serveFetchHandler) that
 * records each request, answers as the provider does (the `answer` function each stand-in writes
 * from its provider's documentation), and lets a test script the next answers per route: an
 * error body, a delay, a hang, a dropped connection.
 *
 * Secrets stay out of the printable parts of recorded requests: the Authorization header is
 * redacted and a Basic password is non-enumerable, so a failing assertion does not print it.
 */
import { formFields, type FormFields } from '../webhooks/form-fields.js';
import { DROP_CONNECTION, serveFetchHandler } from './serve.js';

export interface RecordedAuth {
  scheme: 'basic';
  username: string;
  /** Non-enumerable: readable, but left out of diffs, JSON and util.inspect. */
  readonly password: string;
}

export interface RecordedRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** The host the client meant (x-forwarded-host from redirectFetch), else the Host header. */
  host: string;
  /** The URL path without the query string. */
  path: string;
  query: FormFields;
  /** Lower-case names; `authorization` redacted. */
  headers: Record<string, string>;
  /** Parsed application/x-www-form-urlencoded body; {} for other bodies. */
  form: FormFields;
  /** Parsed application/json body; undefined otherwise (or when it is not JSON). */
  json?: unknown;
  /** The body as received (UTF-8). */
  rawBody: string;
  /** Decoded Basic credentials, when the request carried any. */
  auth?: RecordedAuth;
  receivedAt: Date;
}

/** A provider's answer: status, JSON (object) or text (string) body, headers. */
export interface StandInAnswer {
  status: number;
  /** Object -> JSON; string -> sent as is (text/plain unless headers say otherwise); none -> empty. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** What a scripted answer does. Default status 200. */
export interface ScriptedAnswer extends Partial<StandInAnswer> {
  /** Wait before answering (or before hanging up / destroying). */
  delayMs?: number;
  /** Never answer; the connection stays open until the client gives up or close(). */
  hang?: boolean;
  /** Close the socket without any response (the client sees it reset). */
  destroy?: boolean;
  /** How many matching requests this entry answers. Default 1. */
  times?: number;
}

/**
 * Which requests a scripted answer applies to:
 * - string: `"POST /2010-04-01/Accounts/{AccountSid}/Messages.json"` or just the path; `{Name}`
 *   and `*` match one path segment (or the part of it before `.json`);
 * - RegExp: tested against the path;
 * - function: any predicate over the recorded request.
 */
export type RouteMatcher = string | RegExp | ((request: RecordedRequest) => boolean);

export interface StandIn {
  /** Base URL, e.g. http://127.0.0.1:53127 (no trailing slash). */
  readonly url: string;
  /** Every request received, in arrival order (including scripted and rejected ones). */
  readonly requests: RecordedRequest[];
  /**
   * Queue an answer for the next request(s) matching `matcher`; the oldest matching entry is used
   * first. Scripted answers take precedence over the provider's behaviour, auth checks included:
   * they state what the test wants.
   */
  respondNext(matcher: RouteMatcher, answer: ScriptedAnswer): this;
  /** Scripted answers not yet used (a test can assert its script was consumed). */
  readonly pendingScripts: number;
  /** Forget requests and scripts. */
  reset(): void;
  /** Stop listening and drop every open connection, hanging and delayed ones included. */
  close(): Promise<void>;
}

export interface StandInOptions {
  /** Headers of every answer, scripted ones included (under the answer's own): a provider's request id. */
  readonly headers?: () => Record<string, string>;
}

export async function startStandIn(answer: (request: RecordedRequest) => StandInAnswer, options: StandInOptions = {}): Promise<StandIn> {
  const requests: RecordedRequest[] = [];
  const scripts: { matches: (request: RecordedRequest) => boolean; answer: ScriptedAnswer; left: number }[] = [];
  /** Cancels a delay's timer at close(); a hang or a cancelled delay then never settles, its connection closed. */
  const timers = new Set<NodeJS.Timeout>();
  const never = new Promise<never>(() => {});
  const wait = (delayMs: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => (timers.delete(timer), resolve()), delayMs);
      timers.add(timer);
    });

  const server = await serveFetchHandler(async (request) => {
    const recorded = await record(request);
    requests.push(recorded);
    const index = scripts.findIndex((script) => script.matches(recorded));
    const script = index < 0 ? undefined : scripts[index]!;
    if (script && --script.left <= 0) scripts.splice(index, 1);
    const scripted = script?.answer;
    if (scripted?.delayMs && scripted.delayMs > 0) await wait(scripted.delayMs);
    if (scripted?.hang) return never;
    if (scripted?.destroy) return DROP_CONNECTION;
    const final = scripted ? { status: scripted.status ?? 200, body: scripted.body, headers: scripted.headers } : answer(recorded);
    return toResponse(final, options.headers?.());
  });

  const standIn: StandIn = {
    url: server.url,
    requests,
    respondNext(matcher, scripted) {
      scripts.push({ matches: toPredicate(matcher), answer: scripted, left: scripted.times ?? 1 });
      return this;
    },
    get pendingScripts() {
      return scripts.reduce((sum, script) => sum + script.left, 0);
    },
    reset() {
      requests.length = 0;
      scripts.length = 0;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return server.close();
    },
  };
  return standIn;
}

function toResponse(answer: StandInAnswer, common: Record<string, string> = {}): Response {
  const headers = new Headers(common);
  for (const [name, value] of Object.entries(answer.headers ?? {})) headers.set(name, value);
  if (answer.body === undefined) return new Response(null, { status: answer.status, headers });
  if (typeof answer.body === 'string') {
    if (!headers.has('content-type')) headers.set('content-type', 'text/plain; charset=utf-8');
    return new Response(answer.body, { status: answer.status, headers });
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
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
    query: formFields(url.searchParams),
    headers,
    form: contentType === 'application/x-www-form-urlencoded' ? formFields(new URLSearchParams(rawBody)) : {},
    rawBody,
    receivedAt: new Date(),
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

/** The value of a field sent once; undefined when absent or repeated. */
export function singleValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

function toPredicate(matcher: RouteMatcher): (request: RecordedRequest) => boolean {
  if (typeof matcher === 'function') return matcher;
  if (matcher instanceof RegExp) return (request) => matcher.test(request.path);
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
