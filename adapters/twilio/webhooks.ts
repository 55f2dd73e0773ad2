/**
 * Inbound Twilio messaging webhooks (incoming messages and status callbacks) as typed
 * messaging.inbound events, for any framework that hands over a web-standard `Request`
 * (Next.js route handlers, Hono, Remix, Bun, Deno) and, through `toWebRequest`, for Express and
 * plain `node:http`.
 *
 * Verification comes first and uses the SDK's own `twilio.validateRequest(authToken, signature,
 * url, params)`: HMAC-SHA1 over the FULL public URL Twilio called (scheme, host, path, query)
 * followed by every POST parameter sorted by name, repeated keys included (their values
 * de-duplicated and sorted: see signedForm). Behind a proxy or load balancer `request.url` is not
 * that URL: pass `{ publicUrl }`. GET webhooks are signed over the URL alone; their parameters
 * come from the query string.
 *
 * Parsing is deliberately loose: Twilio adds parameters without notice. Known fields become
 * typed ones; everything (known or not) is kept in `raw`, repeated keys as arrays (sorted); unreadable
 * numbers are left out rather than failing the request. The only errors are SignatureError
 * (missing/invalid signature: treat as forged, answer 403) and InvalidInputError (not a Twilio
 * messaging webhook, oversized body, unusable publicUrl: answer 400).
 *
 * Redeliveries: Twilio retries a webhook that failed or timed out, with the same MessageSid.
 * The event's `payload.id` is that MessageSid, so it is stable across redeliveries; for status
 * callbacks the pair (id, status) is: `webhookEventKey` below is that key, for a DuplicateFilter
 * (`createDuplicateFilter` and `handleOnce` from @contractgen/runtime; fleet-wide, `@contractgen/redis`).
 */
import type { IncomingMessage } from 'node:http';
import { InvalidInputError, SignatureError, type Secret, type WebhookContext } from '@contractgen/runtime';
import type {
  MessagingInboundDeliveryStatusChangedEvent,
  MessagingInboundEvent,
  MessagingInboundMessageReceivedEvent,
} from './generated/capabilities/messaging.inbound/types.js';
import { toInteger } from './messages.js';

/** Form fields as received; a repeated key keeps every value, in order. */
export type WebhookFields = Record<string, string | string[]>;

export type SignatureValidator = (authToken: string, signature: string, url: string, params: Record<string, unknown>) => boolean;

export interface VerifyWebhookOptions {
  readonly integration: string;
  readonly authToken: Secret;
  /** The SDK's `validateRequest`, loaded lazily by the caller. */
  readonly validateRequest: () => Promise<SignatureValidator>;
  /** Largest body accepted, in bytes. Default 256 KiB (Twilio's messaging webhooks are a few KiB). */
  readonly maxBodyBytes?: number;
}

export const DEFAULT_MAX_WEBHOOK_BODY_BYTES = 256 * 1024;
const SIGNATURE_HEADER = 'x-twilio-signature';

/**
 * Verifies a Twilio webhook request and returns its fields. Throws SignatureError when the
 * signature is missing or does not match, InvalidInputError when the request cannot be a Twilio
 * form webhook.
 */
export async function verifyTwilioWebhook(request: Request, context: WebhookContext, options: VerifyWebhookOptions): Promise<WebhookFields> {
  const { integration } = options;
  const url = signedUrl(request, context, integration);
  const signature = request.headers.get(SIGNATURE_HEADER)?.trim();
  if (!signature) throw new SignatureError('Twilio webhook has no X-Twilio-Signature header', { integration });

  const method = request.method.toUpperCase();
  let fields: WebhookFields;
  let signedParams: WebhookFields;
  if (method === 'GET' || method === 'HEAD') {
    // Signed over the URL alone; the parameters are in its query string.
    fields = fieldsOf(new URL(url).searchParams);
    signedParams = {};
  } else {
    const contentType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (contentType !== '' && contentType !== 'application/x-www-form-urlencoded') {
      throw new InvalidInputError([{ path: 'headers.content-type', message: 'a Twilio messaging webhook is application/x-www-form-urlencoded' }], { integration });
    }
    const body = await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_WEBHOOK_BODY_BYTES, integration);
    fields = fieldsOf(new URLSearchParams(body));
    signedParams = fields;
  }

  // Not inside the try: an SDK that cannot be loaded is a deployment problem, not a forged request.
  const validate = await options.validateRequest();
  let valid = false;
  try {
    valid = validate(options.authToken.reveal(), signature, url, signedParams);
  } catch {
    valid = false; // e.g. a URL the SDK cannot parse: nothing can be verified, so nothing is accepted
  }
  if (!valid) throw new SignatureError('Twilio webhook signature does not match the request URL and parameters', { integration });
  return signedForm(signedParams, fields, integration);
}

/**
 * The POST fields as far as the signature covers them. Twilio signs each repeated key's values
 * de-duplicated and sorted, so neither how often a pair was sent nor in what order is covered: a
 * body with an exact duplicate `key=value` pair is refused (Twilio never sends one; a relay could
 * add it to a signed request), and repeated values are handed on sorted, in the order signed.
 */
function signedForm(signedParams: WebhookFields, fields: WebhookFields, integration: string): WebhookFields {
  if (signedParams !== fields) return fields; // GET: the URL is signed exactly as written
  for (const [key, value] of Object.entries(fields)) {
    if (!Array.isArray(value)) continue;
    if (new Set(value).size !== value.length) {
      throw new InvalidInputError([{ path: `body.${key}`, message: 'repeats an identical key=value pair, which the Twilio signature does not cover (Twilio never sends one)' }], { integration });
    }
    Object.defineProperty(fields, key, { value: [...value].sort(), enumerable: true, writable: true, configurable: true });
  }
  return fields;
}

/** The URL Twilio signed: `context.publicUrl` when given, else the request's own URL. */
function signedUrl(request: Request, context: WebhookContext, integration: string): string {
  const url = context.publicUrl ?? request.url;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    const path = context.publicUrl !== undefined ? 'publicUrl' : 'request.url';
    throw new InvalidInputError([{ path, message: 'must be the absolute http(s) URL Twilio called, query string included' }], { integration });
  }
  // Used exactly as given (not re-serialized): the SDK also tries its normalized forms.
  return url;
}

async function readBody(request: Request, maxBytes: number, integration: string): Promise<string> {
  const tooLarge = () => new InvalidInputError([{ path: 'body', message: `larger than ${maxBytes} bytes` }], { integration });
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (request.bodyUsed) throw new InvalidInputError([{ path: 'body', message: 'the request body was already read; pass the request before reading it' }], { integration });
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw new InvalidInputError([{ path: 'body', message: 'could not be read' }], { integration, cause: error });
  }
  // Non-fatal decoding: invalid UTF-8 becomes U+FFFD (and then fails the signature check).
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/** URLSearchParams -> fields, repeated keys as arrays. Own properties only, `__proto__` included as data. */
export function fieldsOf(params: URLSearchParams): WebhookFields {
  const fields: WebhookFields = {};
  for (const [key, value] of params) {
    const existing = Object.hasOwn(fields, key) ? fields[key] : undefined;
    const next = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    Object.defineProperty(fields, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return fields;
}

function first(fields: WebhookFields, key: string): string | undefined {
  if (!Object.hasOwn(fields, key)) return undefined;
  const value = fields[key];
  return Array.isArray(value) ? value[0] : value;
}

function present(fields: WebhookFields, key: string): string | undefined {
  const value = first(fields, key);
  return value === undefined || value === '' ? undefined : value;
}

function copyRaw(fields: WebhookFields): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const key of Object.keys(fields)) {
    const value = fields[key]!;
    Object.defineProperty(raw, key, { value: Array.isArray(value) ? [...value] : value, enumerable: true, writable: true, configurable: true });
  }
  return raw;
}

/** Statuses a status callback never reports for an outbound message: these payloads are incoming messages. */
const INBOUND_STATUSES = new Set(['received', 'receiving']);
const MAX_MEDIA_INDEX = 100;

/**
 * Turns the (verified) fields of a Twilio messaging webhook into a messaging.inbound event:
 * `deliveryStatusChanged` when the payload carries a MessageStatus of an outbound message (a
 * status callback), `messageReceived` otherwise. Throws InvalidInputError when the fields that
 * identify the message are missing.
 */
export function parseTwilioMessagingWebhook(fields: WebhookFields, integration = 'messaging.whatsapp.twilio'): MessagingInboundEvent {
  const id = present(fields, 'MessageSid') ?? present(fields, 'SmsMessageSid') ?? present(fields, 'SmsSid');
  const messageStatus = present(fields, 'MessageStatus');
  const to = present(fields, 'To');
  const from = present(fields, 'From');

  if (messageStatus !== undefined && !INBOUND_STATUSES.has(messageStatus.toLowerCase())) {
    if (id === undefined) throw new InvalidInputError([{ path: 'MessageSid', message: 'a Twilio status callback carries MessageSid' }], { integration });
    const payload: MessagingInboundDeliveryStatusChangedEvent = {
      id,
      status: messageStatus,
      errorCode: toInteger(present(fields, 'ErrorCode')),
      ...(to !== undefined && { to }),
      ...(from !== undefined && { from }),
      raw: copyRaw(fields),
    };
    return { type: 'deliveryStatusChanged', payload };
  }

  const missing = [
    ...(id === undefined ? ['MessageSid'] : []),
    ...(from === undefined ? ['From'] : []),
    ...(to === undefined ? ['To'] : []),
  ];
  if (missing.length > 0) {
    throw new InvalidInputError(
      missing.map((path) => ({ path, message: 'a Twilio incoming-message webhook carries this field' })),
      { integration },
    );
  }

  const accountId = present(fields, 'AccountSid');
  const profileName = present(fields, 'ProfileName');
  const channelUserId = present(fields, 'WaId');
  const messageType = present(fields, 'MessageType');
  const replyToId = present(fields, 'OriginalRepliedMessageSid');
  const location = parseLocation(fields);
  const button = parseButton(fields);
  const payload: MessagingInboundMessageReceivedEvent = {
    id: id!,
    ...(accountId !== undefined && { accountId }),
    from: from!,
    to: to!,
    text: present(fields, 'Body') ?? null,
    media: parseMedia(fields),
    ...(profileName !== undefined && { profileName }),
    ...(channelUserId !== undefined && { channelUserId }),
    ...(messageType !== undefined && { messageType }),
    ...(location !== undefined && { location }),
    ...(button !== undefined && { button }),
    ...(replyToId !== undefined && { replyToId }),
    raw: copyRaw(fields),
  };
  return { type: 'messageReceived', payload };
}

/** MediaUrl0..N with MediaContentType0..N, in index order. NumMedia is informative only: the URLs present are what counts. */
function parseMedia(fields: WebhookFields): MessagingInboundMessageReceivedEvent['media'] {
  const media: { index: number; url: string; contentType: string | null }[] = [];
  for (const key of Object.keys(fields)) {
    const match = /^MediaUrl(\d{1,3})$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    const url = present(fields, key);
    if (index > MAX_MEDIA_INDEX || url === undefined) continue;
    media.push({ index, url, contentType: present(fields, `MediaContentType${match[1]}`) ?? null });
  }
  return media.sort((a, b) => a.index - b.index).map(({ url, contentType }) => ({ url, contentType }));
}

function parseLocation(fields: WebhookFields): MessagingInboundMessageReceivedEvent['location'] {
  const latitude = toCoordinate(present(fields, 'Latitude'), 90);
  const longitude = toCoordinate(present(fields, 'Longitude'), 180);
  if (latitude === undefined || longitude === undefined) return undefined;
  const address = present(fields, 'Address');
  const label = present(fields, 'Label');
  return { latitude, longitude, ...(address !== undefined && { address }), ...(label !== undefined && { label }) };
}

function toCoordinate(text: string | undefined, limit: number): number | undefined {
  if (text === undefined || !/^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : undefined;
}

function parseButton(fields: WebhookFields): MessagingInboundMessageReceivedEvent['button'] {
  const text = present(fields, 'ButtonText');
  const payload = present(fields, 'ButtonPayload');
  if (text === undefined && payload === undefined) return undefined;
  // Quick-reply buttons always carry a text; a payload alone is shown as its own text.
  return { text: text ?? payload!, ...(payload !== undefined && { payload }) };
}

/**
 * A key that is the same for every redelivery of one webhook and differs between distinct
 * events: the MessageSid for an incoming message; MessageSid + status (+ error code) for a
 * status callback, since one message reports queued, sent, delivered, read...
 */
export function webhookEventKey(event: MessagingInboundEvent): string {
  if (event.type === 'messageReceived') return `message:${event.payload.id}`;
  return `status:${event.payload.id}:${event.payload.status}:${event.payload.errorCode ?? ''}`;
}

export interface ToWebRequestOptions {
  /**
   * The public origin Twilio called, e.g. `https://hooks.example.com`, when this server sits
   * behind a proxy. Default: http or https (from the socket) + the Host header. The path and
   * query always come from the request (`originalUrl` under Express routers).
   */
  readonly origin?: string;
}

/** Node/Express request shapes toWebRequest understands. */
export type NodeRequest = IncomingMessage & { readonly body?: unknown; readonly originalUrl?: string };

// Hop-by-hop and framing headers describe the original connection, not the rebuilt request.
const SKIPPED_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'content-length', 'expect', 'proxy-connection', 'te', 'trailer', 'host']);

/**
 * Adapts a `node:http` / Express request to a web `Request` for `handleWebhook`.
 *
 * The body: `body` when given (the raw string/Buffer, or a parsed form object), else Express's
 * `req.body` when a body parser ran, else the request stream itself (not yet read). With
 * Express, use `express.urlencoded({ extended: false })` or `express.raw()`/`express.text()`:
 * the extended (qs) parser turns `a[b]=c` into nested objects that no longer match what Twilio
 * signed.
 */
export function toWebRequest(req: NodeRequest, body?: string | Uint8Array | Readonly<Record<string, unknown>>, options: ToWebRequestOptions = {}): Request {
  const method = (req.method ?? 'GET').toUpperCase();
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || SKIPPED_HEADERS.has(name) || value === undefined) continue;
    try {
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    } catch {
      // A header value Headers refuses is dropped; signature checks only need X-Twilio-Signature.
    }
  }
  const url = requestUrl(req, options);
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    const source = body ?? req.body;
    if (typeof source === 'string' || source instanceof Uint8Array) {
      init.body = typeof source === 'string' ? source : new Uint8Array(source);
    } else if (source !== undefined && source !== null && typeof source === 'object') {
      init.body = encodeForm(source as Record<string, unknown>);
      headers.set('content-type', 'application/x-www-form-urlencoded');
    } else if (!req.readableEnded) {
      init.body = streamOf(req);
      init.duplex = 'half';
    }
  }
  return new Request(url, init);
}

function requestUrl(req: NodeRequest, options: ToWebRequestOptions): string {
  const path = req.originalUrl ?? req.url ?? '/';
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  const origin = options.origin?.replace(/\/+$/, '') ?? `${encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
  try {
    return new URL(path.startsWith('/') ? `${origin}${path}` : `${origin}/${path}`).href;
  } catch {
    return new URL(path.startsWith('/') ? path : `/${path}`, 'http://localhost').href;
  }
}

function encodeForm(source: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(source)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      params.append(key, typeof item === 'string' ? item : String(item));
    }
  }
  return params.toString();
}

function streamOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer | string) => controller.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk)));
      req.on('end', () => controller.close());
      req.on('error', (error) => controller.error(error));
    },
    cancel() {
      req.destroy();
    },
  });
}
