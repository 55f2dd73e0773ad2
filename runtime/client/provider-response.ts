/**
 * What the provider answered to one request, as the adapter saw it: an adapter reports it through
 * its InvokeContext (`context.report(...)`), whatever its transport (an SDK, fetch, the generic
 * HTTP adapter), and the kernel hands it on: to the hooks, to the attempt's span, and to the
 * caller, attached to the result (`responseOf(result)`) or to the error (`error.requestId`).
 */

export interface ProviderResponse {
  /** The HTTP status, when there was one. */
  readonly status?: number;
  /** The provider's id for the request (Twilio's `Twilio-Request-Id`): what their support asks for. */
  readonly requestId?: string;
  /**
   * Response headers, names in lower case. Given to hooks and to `responseOf` callers only, never
   * to spans or metrics (a header can carry a cookie or an account detail).
   */
  readonly headers?: Readonly<Record<string, string>>;
}

// Results and errors are the caller's objects: a side table keeps them exactly as they were
// (no extra property in their JSON, their equality or their types).
const responses = new WeakMap<object, ProviderResponse>();

/**
 * What the provider answered to the request that produced `resultOrError`: a client method's
 * result, or an IntegrationError it threw. Undefined when the adapter reported nothing (a
 * hand-written adapter that does not call `context.report`), or for a primitive result.
 *
 *   const sent = await sms.sendSms({ to, body });
 *   log.info({ id: sent.id, twilioRequestId: responseOf(sent)?.requestId });
 */
export function responseOf(resultOrError: unknown): ProviderResponse | undefined {
  return typeof resultOrError === 'object' && resultOrError !== null ? responses.get(resultOrError) : undefined;
}

/** Attaches `response` to a result or error object (the kernel does, after each attempt). */
export function attachResponse(target: unknown, response: ProviderResponse | undefined): void {
  if (response !== undefined && typeof target === 'object' && target !== null) responses.set(target, response);
}
