/** The root modules: the index (every spec constant keyed `key@version`, with lookup by capability) and the runtime shim. */
import { camelCase } from '../check/identifiers.js';
import { render, runtimeShimFrom, RUNTIME_SHIM_PATH } from './context.js';
export function emitRegistry(model, context) {
    const entry = (spec, suffix) => ({
        key: spec.meta.key,
        id: `${spec.meta.key}@${spec.meta.version}`,
        constName: `${camelCase(spec.meta.key)}${suffix}`,
    });
    return {
        path: 'index.ts',
        content: render(context, 'registry/index.ts', {
            source: 'every spec',
            runtime: runtimeShimFrom('index.ts'),
            integrations: model.integrations.map((i) => entry(i.spec, 'Spec')),
            capabilities: model.capabilities.map((c) => entry(c.spec, 'Capability')),
        }),
    };
}
/** The module every generated module imports the runtime through: it checks the installed runtime's version first. */
export function emitRuntimeShim(context) {
    return {
        path: RUNTIME_SHIM_PATH,
        content: render(context, 'runtime.ts', { runtimeImport: context.runtimeImport, generatorVersion: context.generatorVersion }),
    };
}
//# sourceMappingURL=registry.js.map