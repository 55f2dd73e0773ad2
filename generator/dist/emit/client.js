/** The typed client and health check of one integration, bound to its adapter when one declares it. */
import { dirname, relative, sep } from 'node:path';
import { camelCase } from '../check/identifiers.js';
import { capabilityNames } from './capability.js';
import { render, runtimeShimFrom, sourceLabel } from './context.js';
export function emitClient(integration, context) {
    const { spec, name } = integration;
    const dir = `integrations/${spec.meta.key}`;
    const capabilities = integration.provides.map((capability) => {
        const names = capabilityNames(capability);
        return {
            key: capability.spec.meta.key,
            /** Local name of the capability's lazily imported validators module. */
            alias: camelCase(`${capability.spec.meta.key}-validators`),
            interfaceName: names.operations.length ? names.interfaceName : undefined,
            types: [...(names.operations.length ? [names.interfaceName] : []), ...names.operations.flatMap((op) => [op.inputType, op.outputType]), ...(names.events.length ? [names.eventUnionName] : [])],
            validators: names.operations.map((op) => op.validator),
            operations: names.operations,
            eventUnion: names.events.length ? names.eventUnionName : undefined,
        };
    });
    // A package's adapter is imported by package specifier, a local one by a relative path.
    const bound = integration.adapter;
    const adapter = bound && {
        exportName: bound.exportName,
        label: bound.specifier ?? sourceLabel(context, bound.file),
        importPath: bound.specifier ?? importPath(context.outDir, dir, bound.file),
    };
    const data = {
        source: sourceLabel(context, integration.loaded.file),
        runtime: runtimeShimFrom(`${dir}/client.ts`),
        key: spec.meta.key,
        title: spec.meta.title,
        name,
        specConst: `${camelCase(spec.meta.key)}Spec`,
        configValidator: `${camelCase(spec.meta.key)}ConfigValidator`,
        secretsValidator: `${camelCase(spec.meta.key)}SecretsValidator`,
        healthTimeoutMs: spec.healthCheck.timeoutMs,
        capabilities,
        operations: capabilities.flatMap((c) => c.operations),
        events: capabilities.flatMap((c) => (c.eventUnion ? [c.eventUnion] : [])),
        adapter,
        adapterOperations: [
            ...capabilities.flatMap((c) => (c.interfaceName ? [c.interfaceName] : [])),
            ...(capabilities.some((c) => c.eventUnion) ? [`WebhookReceiver<${name}Event>`] : []),
        ].join(' & ') || 'Record<never, never>',
    };
    return { path: `${dir}/client.ts`, content: render(context, 'integration/client.ts', data) };
}
/** A relative ESM specifier from the generated folder to the adapter source (`.ts` imported as `.js`). */
function importPath(outDir, fromDir, adapterFile) {
    const from = `${outDir}${sep}${fromDir.split('/').join(sep)}`;
    let path = relative(from, adapterFile).split(sep).join('/').replace(/\.(m|c)?ts$/, (ext) => ext.replace('ts', 'js'));
    if (!path.startsWith('.'))
        path = `./${path}`;
    return path;
}
//# sourceMappingURL=client.js.map