/**
 * Twilio's webhook signature: verification comes first and uses the SDK's own
 * `twilio.validateRequest(authToken, signature, url, params)`: HMAC-SHA1 over the FULL public URL
 * Twilio called (scheme, host, path, query) followed by every POST parameter sorted by name,
 * repeated keys included (their values de-duplicated and sorted: see signedForm). Behind a proxy
 * or load balancer `request.url` is not that URL: pass `{ publicUrl }`. GET webhooks are signed
 * over the URL alone; their parameters come from the query string.
 *
 * The only errors: SignatureError (missing/invalid signature: treat as forged, answer 403) and
 * InvalidInputError (not a form webhook, oversized body, unusable publicUrl: answer 400).
 */
import { formFields, InvalidInputError, readRequestText, SignatureError, type FormFields, type Secret, type WebhookContext } from '@contractgen/runtime';

/** Form fields as received; a repeated key keeps every value, in order. */
export type WebhookFields = FormFields;

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
    fields = formFields(new URL(url).searchParams);
    signedParams = {};
  } else {
    const contentType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (contentType !== '' && contentType !== 'application/x-www-form-urlencoded') {
      throw new InvalidInputError([{ path: 'headers.content-type', message: 'a Twilio messaging webhook is application/x-www-form-urlencoded' }], { integration });
    }
    const body = await readRequestText(request, { maxBytes: options.maxBodyBytes ?? DEFAULT_MAX_WEBHOOK_BODY_BYTES, integration });
    fields = formFields(new URLSearchParams(body));
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
