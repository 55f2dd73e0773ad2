/**
 * The normalized HTTP binding: what a generated `integrations/<key>/http.ts` constant holds, and
 * all the generic HTTP adapter and the test double read. The generator's plan does every bit of
 * parsing: a reference `'body.messages.0.message-id'` arrives as
 * `{ ref: ['body', 'messages', 0, 'message-id'] }`, a template `'whatsapp:{input.to}'` as
 * `{ template: ['whatsapp:', { ref: ['input', 'to'] }] }`, an author's `status: 404` as
 * `status: [404]`. So the runtime parses no string of the spec, and this file is the contract
 * between the generator and the runtime.
 */
import type { ProviderFailureKind } from '../client/provider-failure.js';

/** Any JSON value: constants, status-map values, error-rule `in` lists. */
export type HttpJson = null | boolean | number | string | readonly HttpJson[] | { readonly [key: string]: HttpJson };

/**
 * Where a reference reads:
 * - `input`, `config`: the operation input and the client's config;
 * - `secrets`: a secret (request side only: a response mapping never reads a secret);
 * - `body`: the parsed response body (numeric segments index arrays);
 * - `header`: a response header, by its lower-case name.
 */
export type HttpRoot = 'input' | 'config' | 'secrets' | 'body' | 'header';

/** A reference: its root, then the path below it. */
export interface HttpRef {
  readonly ref: readonly [HttpRoot, ...(string | number)[]];
}

/** A constant (null allowed). */
export interface HttpConstant {
  readonly value: HttpJson;
}

/** The first of these that is neither absent nor null; null when the others are absent and one is null. */
export interface HttpFirst {
  readonly first: readonly HttpValue[];
}

/** A piece of a template or a path: literal text, or a reference. */
export type HttpTemplatePart = string | HttpRef;

/** Text with placeholders, unencoded; absent when any placeholder is. */
export interface HttpTemplate {
  readonly template: readonly HttpTemplatePart[];
}

export type HttpConversion = 'string' | 'integer' | 'number' | 'boolean' | 'date-time' | 'json';

/**
 * A value read and converted, in this order: `removePrefix` (strings that start with it), then
 * `map` (a key, compared as text, gives its value as is), then `as` (what `map` did not match).
 * `map` without `as` is total: a value that is not a key is an error (InvalidResponseError in a
 * response, InvalidInputError in a request), never a guess. `null` stays `null` through `as`.
 */
export interface HttpConvert {
  readonly from: HttpRef;
  readonly as?: HttpConversion;
  readonly map?: { readonly [key: string]: HttpJson };
  readonly removePrefix?: string;
}

/** One grammar for every value of a binding. */
export type HttpValue = HttpRef | HttpConstant | HttpFirst | HttpTemplate | HttpConvert;

/**
 * How a request proves who sends it. Each value names secret fields (or templates over them);
 * `query` and `body` put them in the named query or body fields, `header` in the named headers.
 */
export type HttpAuth =
  | { readonly type: 'none' }
  | { readonly type: 'basic'; readonly username: HttpValue; readonly password: HttpValue }
  | { readonly type: 'bearer'; readonly token: HttpValue }
  | { readonly type: 'header' | 'query' | 'body'; readonly fields: { readonly [name: string]: HttpValue } };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The runtime error an error rule produces (the words every adapter's error answers use). */
export type HttpErrorKind = ProviderFailureKind;

/** A status an error rule matches: one status, or a class. */
export type HttpStatusMatch = number | '4xx' | '5xx';

export interface HttpErrorRule {
  /** Unique in its binding: docs list rules by name and the test double scripts them by name. */
  readonly name: string;
  /** Every condition given must hold; a rule with a `body` condition never matches an absent value. */
  readonly when: {
    readonly status?: readonly HttpStatusMatch[];
    /** A value of the response (`body.*` or `header.*`) in (or not in) a list; compared as text for numbers and strings. */
    readonly body?: { readonly path: HttpRef; readonly in?: readonly HttpJson[]; readonly notIn?: readonly HttpJson[] };
  };
  readonly error: HttpErrorKind;
  /** invalidInput: the operation input field the provider blamed (the path). */
  readonly input?: string;
  /** The provider certainly did not act, and a later try may succeed: the kernel retries it for any operation. */
  readonly retryable?: boolean;
  /** Read from the response. */
  readonly code?: HttpValue;
  readonly message?: HttpValue;
  readonly docsUrl?: HttpValue;
  /** Secret-free text, in every message this rule produces. */
  readonly summary: string;
}

export type HttpBodyEncoding = 'form' | 'json';

/** What one request sends: the parts an operation and the health probe share. */
export interface HttpRequestBinding {
  readonly method: HttpMethod;
  /** Overrides the binding's baseUrl for this request (Vonage's Reports API lives on another host). */
  readonly baseUrl?: string;
  /** Appended to the base URL; each reference is one percent-encoded path segment. */
  readonly path: readonly HttpTemplatePart[];
  /** Overrides the binding's auth; `{ type: 'none' }` sends none. */
  readonly auth?: HttpAuth;
  readonly query?: { readonly [name: string]: HttpValue };
  readonly headers?: { readonly [name: string]: HttpValue };
  /** Form: arrays repeat their key; JSON: one object of these fields. Absent values are left out. */
  readonly body?: { readonly encoding: HttpBodyEncoding; readonly fields: { readonly [name: string]: HttpValue } };
  /** Tried before the binding's shared rules. */
  readonly errors?: readonly HttpErrorRule[];
}

export interface HttpOperationBinding extends HttpRequestBinding {
  /** Input field -> why the provider cannot honour it: a call that gives the field fails with InvalidInputError there, before anything is sent. */
  readonly unsupported?: { readonly [field: string]: string };
  /** Input field -> why it is never sent (kept for the caller's logs, say): no error. Documentation for docs and readers; the adapter sends only what the binding references. */
  readonly local?: { readonly [field: string]: string };
  readonly response: {
    /** Output field -> where its value comes from. */
    readonly output: { readonly [field: string]: HttpValue };
    /** Output fields the operation's output schema requires: absent, they are an InvalidResponseError naming the field. */
    readonly required: readonly string[];
  };
}

/** The health probe's request. Without `status`, any answer no error rule matches is `ok`. */
export interface HttpHealthBinding extends HttpRequestBinding {
  /** Must give `ok`, `degraded` or `down` (a `from` with a total `map`). */
  readonly status?: HttpValue;
  /** A short, secret-free detail for the report (e.g. the account status). */
  readonly detail?: HttpValue;
}

export interface HttpBinding {
  /** https, no placeholder. */
  readonly baseUrl: string;
  readonly auth?: HttpAuth;
  /** Where the provider puts its request id (a `header` or `body` reference); quoted in error messages. */
  readonly requestId?: HttpRef;
  /** Read on rateLimited errors: seconds or an HTTP date. Lower-case header name. */
  readonly retryAfter?: { readonly header: string };
  /** Shared by every operation and the health probe, tried after their own rules. */
  readonly errors?: readonly HttpErrorRule[];
  readonly operations: { readonly [operation: string]: HttpOperationBinding };
  readonly health?: HttpHealthBinding;
}
