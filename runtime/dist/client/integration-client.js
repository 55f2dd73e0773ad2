import { systemClock } from './clock.js';
import { ConfigurationError, InvalidInputError, isIntegrationError, TimeoutError } from './errors.js';
import { createKernel } from './kernel.js';
import { redactError } from './redact-error.js';
import { resolveSecrets, Secret } from './secrets.js';
import { withTimeout } from './timeout.js';
export const DEFAULT_OPERATION_TIMEOUT_MS = 10_000;
/** A health report for an integration, turning a configuration problem into a `down` report instead of an exception. */
export async function checkIntegrationHealth(definitionOrLoader, adapter, options) {
    const checkedAt = new Date((options.clock ?? systemClock).now()).toISOString();
    const definition = typeof definitionOrLoader === 'function' ? await definitionOrLoader() : definitionOrLoader;
    let client;
    try {
        client = await createIntegrationClient(definition, adapter, options);
    }
    catch (error) {
        const code = isIntegrationError(error) ? error.code : 'CONFIGURATION';
        return { integration: definition.spec.meta.key, status: 'down', latencyMs: 0, checkedAt, error: { code, message: error.message } };
    }
    return client.checkHealth({ timeoutMs: options.healthTimeoutMs, signal: options.signal });
}
export function lazyDefinition(load) {
    let loaded;
    return () => {
        loaded ??= load();
        // A failed import must not be cached for good: let the next call try again.
        loaded.catch(() => (loaded = undefined));
        return loaded;
    };
}
export async function createIntegrationClient(definitionOrLoader, adapter, options) {
    const definition = typeof definitionOrLoader === 'function' ? await definitionOrLoader() : definitionOrLoader;
    const integration = definition.spec.meta.key;
    if (!adapter) {
        throw new ConfigurationError([{ path: 'adapter', message: `no adapter is bound to ${integration}; pass one as the adapter option` }], { integration });
    }
    if (adapter.integration !== integration) {
        throw new ConfigurationError([{ path: 'adapter', message: `implements ${adapter.integration}, not ${integration}` }], { integration });
    }
    const { config, secrets } = await validatedSettings(definition, options, integration);
    const secretList = Object.values(secrets).filter((s) => s instanceof Secret);
    const kernel = createKernel({
        integration,
        rateLimit: definition.spec.constraints?.rateLimit,
        rateLimitStore: options.rateLimitStore,
        rateLimitKey: options.rateLimitKey,
        maxQueue: options.maxQueue,
        retry: options.retry,
        clock: options.clock,
        secrets: secretList,
    });
    const connection = adapter.connect({ integration, config, secrets });
    const client = {};
    for (const [name, binding] of Object.entries(definition.operations)) {
        client[name] = operation(kernel, connection, name, binding, options.timeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS);
    }
    client.checkHealth = (healthOptions = {}) => probe(integration, connection, healthOptions.timeoutMs ?? definition.spec.healthCheck.timeoutMs, secretList, options.clock, healthOptions.signal);
    if (definition.webhooks) {
        const receiver = connection;
        client.handleWebhook = async (request, context = {}) => {
            try {
                return await receiver.handleWebhook(request, context);
            }
            catch (error) {
                redactError(error, secretList);
                throw error;
            }
        };
    }
    return Object.freeze(client);
}
/** One ConfigurationError listing every problem with config and secrets, by path. */
async function validatedSettings(definition, options, integration) {
    const issues = [];
    const prefixed = (prefix, list) => list.map((i) => ({ path: i.path ? `${prefix}.${i.path}` : prefix, message: i.message }));
    const config = definition.config.validate(options.config);
    if (!config.ok)
        issues.push(...prefixed('config', config.issues));
    let secrets = {};
    if (!options.secrets || typeof options.secrets !== 'object') {
        issues.push({ path: 'secrets', message: 'must be an object' });
    }
    else {
        try {
            secrets = await resolveSecrets(options.secrets, options.secretProvider, { integration, pathPrefix: 'secrets' });
            // Validate the plain values; validator messages describe rules, never values.
            const plain = Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, v instanceof Secret ? v.reveal() : v]));
            const checked = definition.secrets.validate(plain);
            if (!checked.ok)
                issues.push(...prefixed('secrets', checked.issues));
        }
        catch (error) {
            if (!(error instanceof ConfigurationError))
                throw error;
            issues.push(...error.issues);
        }
    }
    if (issues.length > 0)
        throw new ConfigurationError(issues, { integration });
    return { config: options.config, secrets };
}
function operation(kernel, connection, name, binding, defaultTimeoutMs) {
    const invoke = connection[name];
    return async (input, callOptions = {}) => {
        const checked = binding.input.validate(input);
        if (!checked.ok)
            throw new InvalidInputError(checked.issues.map((i) => ({ path: i.path || '(input)', message: i.message })), { integration: kernel.integration });
        if (typeof invoke !== 'function')
            throw new InvalidInputError([{ path: name, message: 'the adapter does not implement this operation' }], { integration: kernel.integration });
        return kernel.run({ name, idempotent: binding.idempotent, timeoutMs: callOptions.timeoutMs ?? defaultTimeoutMs }, (context) => invoke.call(connection, input, context), callOptions.signal);
    };
}
async function probe(integration, connection, timeoutMs, secrets, clock = systemClock, signal) {
    const started = clock.now();
    const checkedAt = new Date(started).toISOString();
    const latency = () => Math.max(0, Math.round(clock.now() - started));
    try {
        const result = await withTimeout((probeSignal) => connection.probeHealth({ signal: probeSignal, attempt: 1 }), timeoutMs, {
            clock,
            signal,
            onTimeout: () => new TimeoutError(`health probe of ${integration} took longer than ${timeoutMs} ms`, { requestMayHaveBeenSent: true, timeoutMs, integration }),
        });
        return { integration, status: result.status, latencyMs: latency(), checkedAt, ...(result.detail !== undefined && { detail: result.detail }) };
    }
    catch (error) {
        redactError(error, secrets);
        const code = isIntegrationError(error) ? error.code : 'PROVIDER';
        const message = error instanceof Error ? error.message : 'health probe failed';
        return { integration, status: 'down', latencyMs: latency(), checkedAt, error: { code, message } };
    }
}
//# sourceMappingURL=integration-client.js.map