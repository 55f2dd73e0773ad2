/**
 * Credential scrubbing for transport errors of the twilio SDK's HTTP layer (axios).
 *
 * Kept apart from loopback-http-client.ts on purpose: that module loads the SDK at import time,
 * while the adapters load it lazily and still need to redact every transport error they wrap.
 */
/**
 * Strip credentials from an axios transport error before it travels up.
 * Axios puts the whole request config on the error: its Authorization header
 * and its http(s) agents, whose live sockets hold the raw request head; `request`
 * is the ClientRequest with that head too. Each would print
 * `Basic base64(sid:token)` in any test failure or log line that shows the
 * error. The config is replaced by a plain summary (method, url, timeout,
 * headers with Authorization redacted) and `request` is dropped; `code`,
 * `message` and `cause` stay, so callers can still tell a timeout
 * (ECONNABORTED) from a reset (ECONNRESET).
 */
export declare function redactTransportError(error: unknown): unknown;
//# sourceMappingURL=redact.d.ts.map