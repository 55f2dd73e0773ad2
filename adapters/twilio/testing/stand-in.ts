/**
 * A local stand-in for the Twilio REST API (2010-04-01 Messages and Account),
 * for tests and examples. It listens on 127.0.0.1 on a free port, records every
 * request, answers like Twilio by default, and lets a test script the next
 * responses per route (errors, delays, hangs, dropped connections).
 *
 * Reach it from the real SDK with `createLoopbackHttpClient(standIn.url)`
 * (../loopback-http-client.ts). Check recorded requests against Twilio's
 * OpenAPI description with `checkTwilioRequest` (test/support/twilio-contract.ts).
 *
 * Secrets: the configured auth token is never logged, never echoed in a
 * response, and kept out of the printable parts of recorded requests (the
 * Authorization header is redacted; `auth.password` is non-enumerable), so a
 * failing assertion that prints a recorded request does not leak it.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Form or query fields; a repeated key (MediaUrl=a&MediaUrl=b) keeps every value. */
export type FormFields = Record<string, string | string[]>;

export interface RecordedAuth {
  scheme: 'basic';
  username: string;
  /** Non-enumerable: readable, but left out of diffs, JSON and util.inspect. */
  readonly password: string;
}

export interface RecordedRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** URL path without the query string, e.g. /2010-04-01/Accounts/AC.../Messages.json */
  path: string;
  query: FormFields;
  /** Lower-case header names as Node parsed them; `authorization` is redacted. */
  headers: Record<string, string | string[] | undefined>;
  /** Parsed application/x-www-form-urlencoded body; {} for other bodies. */
  form: FormFields;
  /** The body as received (UTF-8). */
  rawBody: string;
  /** Decoded Basic credentials, when the request carried any. */
  auth?: RecordedAuth;
  receivedAt: Date;
}

/** What a scripted response does. Default status 200. */
export interface ScriptedResponse {
  status?: number;
  /** Object -> JSON; string -> sent as is (text/plain unless headers say otherwise). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait before answering (or before hanging up / destroying). */
  delayMs?: number;
  /** Never answer; the connection stays open until the client gives up or close(). */
  hang?: boolean;
  /** Close the socket without any response (client sees ECONNRESET). */
  destroy?: boolean;
  /** How many matching requests this entry answers. Default 1. */
  times?: number;
}

/**
 * Which requests a scripted response applies to:
 * - string: `"POST /2010-04-01/Accounts/{AccountSid}/Messages.json"` or just the
 *   path; `{Name}` and `*` match one path segment (or the part before `.json`).
 * - RegExp: tested against the path.
 * - function: any predicate over the recorded request.
 */
export type RouteMatcher = string | RegExp | ((request: RecordedRequest) => boolean);

export type AccountStatus = 'active' | 'suspended' | 'closed';

/** The JSON Twilio returns for a Message resource (snake_case, as on the wire). */
export interface TwilioMessageResource {
  sid: string;
  account_sid: string;
  api_version: '2010-04-01';
  body: string;
  date_created: string;
  date_updated: string;
  date_sent: string | null;
  direction: 'outbound-api' | 'inbound' | 'outbound-call' | 'outbound-reply';
  error_code: number | null;
  error_message: string | null;
  from: string | null;
  to: string;
  messaging_service_sid: string | null;
  num_media: string;
  num_segments: string;
  price: string | null;
  price_unit: string;
  status: string;
  uri: string;
  subresource_uris: { media: string; feedback: string };
}

export interface TwilioStandInOptions {
  /** Account SID the Basic-auth check expects. Default STAND_IN_ACCOUNT_SID. */
  accountSid?: string;
  /** Auth token the Basic-auth check expects. Default STAND_IN_AUTH_TOKEN. */
  authToken?: string;
  /** Status of the Account resource. Default 'active'. */
  accountStatus?: AccountStatus;
  /** Clock for date_created & co; fix it for deterministic tests. */
  now?: () => Date;
}

export interface TwilioStandIn {
  /** Base URL, e.g. http://127.0.0.1:53127 (no trailing slash). */
  readonly url: string;
  readonly accountSid: string;
  /**
   * The credentials it accepts, in the shape of the Twilio specs' secrets: pass them as a client's
   * `secrets`, with `adapter: createTwilioSmsAdapter({ baseUrl: standIn.url })`. Non-enumerable, so that
   * printing the stand-in does not print the token (which may be one you chose).
   */
  readonly secrets: { readonly accountSid: string; readonly authToken: string };
  /** Every request received, in arrival order (including scripted and rejected ones). */
  readonly requests: RecordedRequest[];
  /** Messages created through the default POST route, by SID. Mutate to simulate delivery. */
  readonly messages: Map<string, TwilioMessageResource>;
  /** Status reported by GET /Accounts/{Sid}.json. */
  accountStatus: AccountStatus;
  /**
   * Queue a response for the next request(s) matching `matcher`; the oldest
   * matching entry is used first. Scripted responses take precedence over the
   * default behaviour, auth check included: they state what the test wants.
   */
  respondNext(matcher: RouteMatcher, response: ScriptedResponse): TwilioStandIn;
  /** Scripted responses not yet used (a test can assert its script was consumed). */
  readonly pendingScripts: number;
  /** Forget requests, scripts and messages. */
  reset(): void;
  /** Stop listening and drop every open connection, hanging ones included. */
  close(): Promise<void>;
}

/** Test credentials, shaped like real ones (AC + 32 hex, 32 hex); they authorize nothing. */
export const STAND_IN_ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const STAND_IN_AUTH_TOKEN = 'f00dfeedf00dfeedf00dfeedf00dfeed';

const API = '/2010-04-01';
const MAX_BODY_BYTES = 1024 * 1024;

/** Twilio's classic error body, the shape the SDK maps onto RestException. */
export function twilioErrorBody(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

export async function startTwilioStandIn(options: TwilioStandInOptions = {}): Promise<TwilioStandIn> {
  const accountSid = options.accountSid ?? STAND_IN_ACCOUNT_SID;
  const authToken = options.authToken ?? STAND_IN_AUTH_TOKEN;
  const now = options.now ?? (() => new Date());

  const requests: RecordedRequest[] = [];
  const messages = new Map<string, TwilioMessageResource>();
  const scripts: { matches: (request: RecordedRequest) => boolean; response: ScriptedResponse; left: number }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const server = http.createServer((req, res) => {
    readBody(req)
      .then((rawBody) => {
        const recorded = recordRequest(req, rawBody);
        requests.push(recorded);
        const script = takeScript(recorded);
        if (script) return playScript(script, req, res);
        return answerLikeTwilio(recorded, res);
      })
      .catch(() => {
        // Oversized or aborted body: answer if the socket is still there.
        if (!res.headersSent && !res.destroyed) sendJson(res, 400, twilioErrorBody(400, 20001, 'Bad request'));
      });
  });

  function takeScript(request: RecordedRequest): ScriptedResponse | undefined {
    const index = scripts.findIndex((script) => script.matches(request));
    if (index < 0) return undefined;
    const script = scripts[index]!;
    script.left -= 1;
    if (script.left <= 0) scripts.splice(index, 1);
    return script.response;
  }

  function playScript(script: ScriptedResponse, req: http.IncomingMessage, res: http.ServerResponse): void {
    const act = () => {
      if (script.hang) return; // close() ends it via closeAllConnections()
      if (script.destroy) {
        req.socket.destroy();
        return;
      }
      const status = script.status ?? 200;
      if (typeof script.body === 'string') {
        send(res, status, script.body, { 'content-type': 'text/plain; charset=utf-8', ...lowerKeys(script.headers) });
      } else if (script.body === undefined) {
        send(res, status, '', lowerKeys(script.headers));
      } else {
        sendJson(res, status, script.body, script.headers);
      }
    };
    if (script.delayMs && script.delayMs > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) act();
      }, script.delayMs);
      timers.add(timer);
    } else {
      act();
    }
  }

  function answerLikeTwilio(request: RecordedRequest, res: http.ServerResponse): void {
    const route = matchDefaultRoute(request.path);
    if (!route) {
      sendJson(res, 404, twilioErrorBody(404, 20404, `The requested resource ${request.path} was not found`));
      return;
    }
    const handle = route.handlers[request.method];
    if (!handle) {
      sendJson(res, 405, twilioErrorBody(405, 20004, 'Method not allowed'), {
        allow: Object.keys(route.handlers).join(', '),
      });
      return;
    }
    // Twilio authenticates before anything else, and the credentials must
    // belong to the account named in the path.
    const auth = request.auth;
    const authorized =
      auth !== undefined &&
      auth.username === accountSid &&
      auth.password === authToken &&
      route.accountSid === accountSid;
    if (!authorized) {
      sendJson(res, 401, twilioErrorBody(401, 20003, 'Authenticate'), {
        'WWW-Authenticate': 'Basic realm="Twilio API"',
      });
      return;
    }
    handle(request, res);
  }

  type Handler = (request: RecordedRequest, res: http.ServerResponse) => void;
  interface DefaultRoute {
    accountSid: string;
    handlers: Partial<Record<string, Handler>>;
  }

  function matchDefaultRoute(path: string): DefaultRoute | undefined {
    let m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
    if (m) return { accountSid: m[1]!, handlers: { POST: createMessage, GET: listMessages } };
    m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)\.json$/.exec(path);
    if (m) {
      const sid = m[2]!;
      return { accountSid: m[1]!, handlers: { GET: (request, res) => fetchMessage(request, res, sid) } };
    }
    m = /^\/2010-04-01\/Accounts\/([^/]+)\.json$/.exec(path);
    if (m) return { accountSid: m[1]!, handlers: { GET: fetchAccount } };
    return undefined;
  }

  function createMessage(request: RecordedRequest, res: http.ServerResponse): void {
    const field = (name: string) => firstValue(request.form[name]);
    const to = field('To');
    const from = field('From');
    const messagingServiceSid = field('MessagingServiceSid');
    const body = field('Body');
    const mediaUrls = allValues(request.form['MediaUrl']);
    // The 400s Twilio gives for the commonest mistakes, in Twilio's order.
    if (!to) return sendJson(res, 400, twilioErrorBody(400, 21604, "A 'To' phone number is required."));
    if (!from && !messagingServiceSid) {
      return sendJson(res, 400, twilioErrorBody(400, 21603, "A 'From' phone number is required."));
    }
    if (!body && mediaUrls.length === 0 && !field('ContentSid')) {
      return sendJson(res, 400, twilioErrorBody(400, 21602, 'Message body is required.'));
    }
    const created = rfc2822(now());
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const uriBase = `${API}/Accounts/${accountSid}/Messages/${sid}`;
    const message: TwilioMessageResource = {
      sid,
      account_sid: accountSid,
      api_version: '2010-04-01',
      body: body ?? '',
      date_created: created,
      date_updated: created,
      date_sent: created,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: from ?? null,
      to,
      messaging_service_sid: messagingServiceSid ?? null,
      num_media: String(mediaUrls.length),
      num_segments: String(countSegments(body ?? '')),
      price: null,
      price_unit: 'USD',
      // A Messaging Service without From picks a sender first; scheduled sends wait.
      status: field('ScheduleType') ? 'scheduled' : messagingServiceSid && !from ? 'accepted' : 'queued',
      uri: `${uriBase}.json`,
      subresource_uris: { media: `${uriBase}/Media.json`, feedback: `${uriBase}/Feedback.json` },
    };
    messages.set(sid, message);
    sendJson(res, 201, message);
  }

  function fetchMessage(request: RecordedRequest, res: http.ServerResponse, sid: string): void {
    const message = messages.get(sid);
    if (!message) {
      sendJson(res, 404, twilioErrorBody(404, 20404, `The requested resource ${request.path} was not found`));
      return;
    }
    sendJson(res, 200, message);
  }

  function listMessages(request: RecordedRequest, res: http.ServerResponse): void {
    // Newest first, filtered by To/From like Twilio; one page (no paging tokens).
    const to = firstValue(request.query['To']);
    const from = firstValue(request.query['From']);
    const pageSize = Math.min(Math.max(Number(firstValue(request.query['PageSize']) ?? 50) || 50, 1), 1000);
    const selected = [...messages.values()]
      .reverse()
      .filter((message) => (to === undefined || message.to === to) && (from === undefined || message.from === from))
      .slice(0, pageSize);
    const uri = `${API}/Accounts/${accountSid}/Messages.json?PageSize=${pageSize}&Page=0`;
    sendJson(res, 200, {
      messages: selected,
      end: Math.max(selected.length - 1, 0),
      first_page_uri: uri,
      next_page_uri: null,
      page: 0,
      page_size: pageSize,
      previous_page_uri: null,
      start: 0,
      uri,
    });
  }

  function fetchAccount(_request: RecordedRequest, res: http.ServerResponse): void {
    const created = rfc2822(new Date(Date.UTC(2020, 0, 2, 3, 4, 5)));
    const base = `${API}/Accounts/${accountSid}`;
    // Real responses also carry auth_token; the stand-in leaves it out so it can
    // never surface in a test's output.
    sendJson(res, 200, {
      sid: accountSid,
      owner_account_sid: accountSid,
      friendly_name: 'contractgen stand-in',
      status: standIn.accountStatus,
      type: 'Full',
      date_created: created,
      date_updated: created,
      uri: `${base}.json`,
      subresource_uris: {
        messages: `${base}/Messages.json`,
        incoming_phone_numbers: `${base}/IncomingPhoneNumbers.json`,
        balance: `${base}/Balance.json`,
      },
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const standIn: TwilioStandIn = {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    secrets: { accountSid, authToken },
    requests,
    messages,
    accountStatus: options.accountStatus ?? 'active',
    respondNext(matcher, response) {
      scripts.push({ matches: toPredicate(matcher), response, left: response.times ?? 1 });
      return standIn;
    },
    get pendingScripts() {
      return scripts.reduce((sum, script) => sum + script.left, 0);
    },
    reset() {
      requests.length = 0;
      scripts.length = 0;
      messages.clear();
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive and hanging connections would otherwise hold close() open.
        server.closeAllConnections();
      });
    },
  };
  // Readable, but left out of JSON, diffs and util.inspect (like a recorded request's password).
  Object.defineProperty(standIn, 'secrets', { enumerable: false });
  return standIn;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function recordRequest(req: http.IncomingMessage, rawBody: string): RecordedRequest {
  const url = new URL(req.url ?? '/', 'http://stand-in.invalid');
  const contentType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const headers: RecordedRequest['headers'] = { ...req.headers };
  const authorization = req.headers.authorization;
  if (authorization !== undefined) headers.authorization = `${authorization.split(' ')[0] ?? ''} [redacted]`;
  const recorded: RecordedRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: fieldsOf(url.searchParams),
    headers,
    form: contentType === 'application/x-www-form-urlencoded' ? fieldsOf(new URLSearchParams(rawBody)) : {},
    rawBody,
    receivedAt: new Date(),
  };
  const auth = parseBasicAuth(authorization);
  if (auth) recorded.auth = auth;
  return recorded;
}

function parseBasicAuth(header: string | undefined): RecordedAuth | undefined {
  const match = header === undefined ? null : /^Basic\s+(\S+)$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  const auth = { scheme: 'basic' as const, username };
  Object.defineProperty(auth, 'password', { value: password, enumerable: false });
  return auth as RecordedAuth;
}

/** URLSearchParams -> record; repeated keys become arrays in order. */
function fieldsOf(params: URLSearchParams): FormFields {
  const fields: FormFields = {};
  for (const [key, value] of params) {
    const existing = fields[key];
    if (existing === undefined) fields[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else fields[key] = [existing, value];
  }
  return fields;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function allValues(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
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

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  send(res, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...lowerKeys(headers) });
}

function send(res: http.ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, {
    // Twilio tags every response; handy when an adapter logs request ids.
    'twilio-request-id': `RQ${randomBytes(16).toString('hex')}`,
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

/** Twilio's date format: `Thu, 24 Aug 2023 05:01:45 +0000`. */
function rfc2822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

// GSM 03.38 basic set and the extension characters that take two septets.
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€\f';

/** Segments as Twilio counts them: GSM-7 160/153 septets, else UCS-2 70/67 code units. */
function countSegments(body: string): number {
  let septets = 0;
  let gsm = true;
  for (const char of body) {
    if (GSM7_BASIC.includes(char)) septets += 1;
    else if (GSM7_EXTENDED.includes(char)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return septets <= 160 ? 1 : Math.ceil(septets / 153);
  const units = body.length; // UTF-16 code units, which is what UCS-2 segments count
  return units <= 70 ? 1 : Math.ceil(units / 67);
}
