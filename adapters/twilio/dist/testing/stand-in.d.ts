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
    subresource_uris: {
        media: string;
        feedback: string;
    };
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
export declare const STAND_IN_ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
export declare const STAND_IN_AUTH_TOKEN = "f00dfeedf00dfeedf00dfeedf00dfeed";
/** Twilio's classic error body, the shape the SDK maps onto RestException. */
export declare function twilioErrorBody(status: number, code: number, message: string): {
    code: number;
    message: string;
    more_info: string;
    status: number;
};
export declare function startTwilioStandIn(options?: TwilioStandInOptions): Promise<TwilioStandIn>;
//# sourceMappingURL=stand-in.d.ts.map