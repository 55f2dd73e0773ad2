/**
 * Everything the Twilio adapters share about talking to the SDK:
 *
 * - Lazy loading. `import('twilio')` runs on the first operation, never when an adapter or a
 *   generated client module is imported (the SDK costs ~90 ms to load). One load per process.
 * - One SDK client per connected adapter, created on first use from the revealed secrets.
 * - No retries below the kernel: the SDK's `autoRetry` stays off, whatever httpClient is used.
 *   The client kernel is the only place that decides whether a request may be repeated.
 * - Cancellation. The SDK's resource methods take no AbortSignal. Each call runs inside an
 *   AsyncLocalStorage scope that holds the attempt's signal, and an axios request interceptor on
 *   the RequestClient reads it from there, so a kernel timeout or a caller's abort cancels the
 *   HTTP request itself (an already-aborted signal sends nothing). If an httpClient has no
 *   axios instance, the kernel's timeout still wins: it rejects at once and the late result
 *   is ignored.
 * - Response headers. The SDK's exceptions drop them, but Retry-After matters on a 429: the same
 *   scope records the status and headers of the call's HTTP response.
 * - Error mapping through ./errors.ts, with the aborted attempt's own reason passed through.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { AuthenticationError, ConfigurationError, RateLimitedError, } from '@contractgen/runtime';
import { describeTwilioErrorCode, mapTwilioError, parseRetryAfter } from './errors.js';
let sdkPromise;
/** Loads the twilio SDK once per process, on first use. */
export function loadTwilioSdk() {
    sdkPromise ??= import('twilio').then((module) => module.default, (error) => {
        sdkPromise = undefined; // a broken install may be fixed without a restart
        throw error;
    });
    return sdkPromise;
}
const callScope = new AsyncLocalStorage();
const instrumentedAxios = new WeakSet();
/**
 * Wraps an httpClient so each request (a) carries the current call's AbortSignal and (b) leaves
 * its status and headers in the call scope. The original client is not modified apart from one
 * request interceptor on its axios instance, which does nothing outside an adapter call.
 */
function instrument(client) {
    const axios = client.axios;
    if (axios?.interceptors?.request && !instrumentedAxios.has(axios)) {
        instrumentedAxios.add(axios);
        axios.interceptors.request.use((config) => {
            const signal = callScope.getStore()?.signal;
            if (signal && config.signal === undefined)
                config.signal = signal;
            return config;
        });
    }
    // Inherit everything else (lastRequest, lastResponse, defaultTimeout...) from the original.
    const wrapped = Object.create(client);
    const request = client.request.bind(client);
    wrapped.request = async (opts) => {
        const response = await request(opts);
        const scope = callScope.getStore();
        if (scope)
            scope.response = { statusCode: response.statusCode, headers: response.headers };
        return response;
    };
    return wrapped;
}
function headerValue(headers, name) {
    if (typeof headers !== 'object' || headers === null)
        return undefined;
    const getter = headers.get;
    if (typeof getter === 'function') {
        const value = getter.call(headers, name);
        if (value !== undefined && value !== null && value !== false)
            return value;
    }
    for (const [key, value] of Object.entries(headers))
        if (key.toLowerCase() === name)
            return value;
    return undefined;
}
/** One per connected adapter: the SDK client is built lazily, once, and reused. */
export function createTwilioSession(init, options = {}) {
    const { integration } = init;
    const accountSidSecret = init.secrets.accountSid;
    const authToken = init.secrets.authToken;
    const accountSid = accountSidSecret.reveal();
    let clientPromise;
    async function buildClient() {
        let twilio;
        try {
            twilio = await loadTwilioSdk();
        }
        catch (error) {
            throw new ConfigurationError([{ path: 'adapter', message: `the twilio package could not be loaded (${error?.message ?? 'unknown error'})` }], {
                integration,
                cause: error,
            });
        }
        let base;
        if (options.httpClient) {
            if (options.httpClient.autoRetry) {
                throw new ConfigurationError([{ path: 'httpClient.autoRetry', message: 'must be off: the client kernel decides which requests may be retried' }], { integration });
            }
            base = options.httpClient;
        }
        else if (options.baseUrl !== undefined) {
            // Loaded only here: the loopback client imports the SDK at module level.
            const { createLoopbackHttpClient } = await import('./loopback-http-client.js');
            base = createLoopbackHttpClient(options.baseUrl, { autoRetry: false, ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }) });
        }
        else {
            base = new twilio.RequestClient({ autoRetry: false, ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs }) });
        }
        try {
            return twilio(accountSid, authToken.reveal(), { httpClient: instrument(base), autoRetry: false });
        }
        catch (error) {
            // The SDK checks the SID's shape ("accountSid must start with AC"); its message holds no secret.
            throw new ConfigurationError([{ path: 'secrets.accountSid', message: error?.message ?? 'rejected by the twilio SDK' }], { integration });
        }
    }
    function client() {
        clientPromise ??= buildClient().catch((error) => {
            clientPromise = undefined;
            throw error;
        });
        return clientPromise;
    }
    async function call(operation, context, run, mapping = {}) {
        const signal = context?.signal;
        if (signal?.aborted)
            throw signal.reason;
        const sdkClient = await client();
        if (signal?.aborted)
            throw signal.reason;
        const scope = signal ? { signal } : {};
        try {
            return await callScope.run(scope, () => run(sdkClient));
        }
        catch (error) {
            if (signal?.aborted)
                throw signal.reason;
            const retryAfterMs = scope.response?.statusCode === 429 ? parseRetryAfter(headerValue(scope.response.headers, 'retry-after')) : undefined;
            throw mapTwilioError(error, { integration, operation, ...mapping, ...(retryAfterMs !== undefined && { retryAfterMs }) });
        }
    }
    async function probeAccount(context) {
        try {
            const account = await call('probeHealth', context, (sdk) => sdk.api.v2010.accounts(accountSid).fetch());
            return accountHealth(account.status);
        }
        catch (error) {
            // Definite answers about the account are findings, not probe failures.
            if (error instanceof AuthenticationError) {
                const code = typeof error.providerCode === 'number' ? error.providerCode : undefined;
                const reason = code === undefined || code === 20003 ? 'Twilio rejected the credentials' : `Twilio refused access: ${describeTwilioErrorCode(code) ?? 'forbidden'}`;
                return { status: 'down', detail: `${reason}${code !== undefined ? ` (error ${code})` : ''}` };
            }
            if (error instanceof RateLimitedError)
                return { status: 'degraded', detail: 'Twilio is rate limiting this account' };
            throw error;
        }
    }
    return { integration, accountSid, authToken, call, probeAccount };
}
/** active = ok, suspended = degraded, closed = down. */
export function accountHealth(status) {
    switch (status) {
        case 'active':
            return { status: 'ok' };
        case 'suspended':
            return { status: 'degraded', detail: 'Twilio account is suspended' };
        case 'closed':
            return { status: 'down', detail: 'Twilio account is closed' };
        default:
            return { status: 'degraded', detail: `Twilio account status is ${status === undefined ? 'unknown' : JSON.stringify(status)}` };
    }
}
//# sourceMappingURL=sdk.js.map