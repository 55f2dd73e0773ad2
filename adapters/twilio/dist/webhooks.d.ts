/**
 * Inbound Twilio messaging webhooks (incoming messages and status callbacks) as typed
 * messaging.inbound events, for any framework that hands over a web-standard `Request`
 * (Next.js route handlers, Hono, Remix, Bun, Deno) and, through `toWebRequest`, for Express and
 * plain `node:http`.
 *
 * Verification comes first and uses the SDK's own `twilio.validateRequest(authToken, signature,
 * url, params)`: HMAC-SHA1 over the FULL public URL Twilio called (scheme, host, path, query)
 * followed by every POST parameter sorted by name, repeated keys included. Behind a proxy or load
 * balancer `request.url` is not that URL: pass `{ publicUrl }`. GET webhooks are signed over the
 * URL alone; their parameters come from the query string.
 *
 * Parsing is deliberately loose: Twilio adds parameters without notice. Known fields become
 * typed ones; everything (known or not) is kept in `raw`, repeated keys as arrays; unreadable
 * numbers are left out rather than failing the request. The only errors are SignatureError
 * (missing/invalid signature: treat as forged, answer 403) and InvalidInputError (not a Twilio
 * messaging webhook, oversized body, unusable publicUrl: answer 400).
 *
 * Redeliveries: Twilio retries a webhook that failed or timed out, with the same MessageSid.
 * The event's `payload.id` is that MessageSid, so it is stable across redeliveries; for status
 * callbacks the pair (id, status) is. `webhookEventKey` / `createDuplicateFilter` below build on that.
 */
import type { IncomingMessage } from 'node:http';
import { type Secret, type WebhookContext } from '@contractgen/runtime';
import type { MessagingInboundEvent } from './generated/capabilities/messaging.inbound/types.js';
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
export declare const DEFAULT_MAX_WEBHOOK_BODY_BYTES: number;
/**
 * Verifies a Twilio webhook request and returns its fields. Throws SignatureError when the
 * signature is missing or does not match, InvalidInputError when the request cannot be a Twilio
 * form webhook.
 */
export declare function verifyTwilioWebhook(request: Request, context: WebhookContext, options: VerifyWebhookOptions): Promise<WebhookFields>;
/** URLSearchParams -> fields, repeated keys as arrays. Own properties only, `__proto__` included as data. */
export declare function fieldsOf(params: URLSearchParams): WebhookFields;
/**
 * Turns the (verified) fields of a Twilio messaging webhook into a messaging.inbound event:
 * `deliveryStatusChanged` when the payload carries a MessageStatus of an outbound message (a
 * status callback), `messageReceived` otherwise. Throws InvalidInputError when the fields that
 * identify the message are missing.
 */
export declare function parseTwilioMessagingWebhook(fields: WebhookFields, integration?: string): MessagingInboundEvent;
/**
 * A key that is the same for every redelivery of one webhook and differs between distinct
 * events: the MessageSid for an incoming message; MessageSid + status (+ error code) for a
 * status callback, since one message reports queued, sent, delivered, read...
 */
export declare function webhookEventKey(event: MessagingInboundEvent): string;
export interface DuplicateFilterOptions {
    /** How long a key is remembered. Default 24 h (Twilio's redeliveries come within minutes). */
    readonly ttlMs?: number;
    /** Most keys kept; the oldest go first. Default 10,000. */
    readonly maxEntries?: number;
    readonly now?: () => number;
}
export interface DuplicateFilter {
    /** True when an event with the same key was seen within the TTL; otherwise records it and returns false. */
    isDuplicate(event: MessagingInboundEvent): boolean;
    readonly size: number;
}
/**
 * A small in-process filter for redelivered webhooks. One process only: with several instances
 * behind a load balancer, store `webhookEventKey(event)` with a unique constraint instead.
 */
export declare function createDuplicateFilter(options?: DuplicateFilterOptions): DuplicateFilter;
export interface ToWebRequestOptions {
    /**
     * The public origin Twilio called, e.g. `https://hooks.example.com`, when this server sits
     * behind a proxy. Default: http or https (from the socket) + the Host header. The path and
     * query always come from the request (`originalUrl` under Express routers).
     */
    readonly origin?: string;
}
/** Node/Express request shapes toWebRequest understands. */
export type NodeRequest = IncomingMessage & {
    readonly body?: unknown;
    readonly originalUrl?: string;
};
/**
 * Adapts a `node:http` / Express request to a web `Request` for `handleWebhook`.
 *
 * The body: `body` when given (the raw string/Buffer, or a parsed form object), else Express's
 * `req.body` when a body parser ran, else the request stream itself (not yet read). With
 * Express, use `express.urlencoded({ extended: false })` or `express.raw()`/`express.text()`:
 * the extended (qs) parser turns `a[b]=c` into nested objects that no longer match what Twilio
 * signed.
 */
export declare function toWebRequest(req: NodeRequest, body?: string | Uint8Array | Readonly<Record<string, unknown>>, options?: ToWebRequestOptions): Request;
//# sourceMappingURL=webhooks.d.ts.map