/**
 * `contractgen.config.{ts,mjs,json}`: project settings, so a build step runs bare `contractgen`.
 * Paths in it are relative to the config file's folder, which is the project root.
 */
export const ARTIFACTS = ['types', 'validators', 'spec', 'clients', 'docs', 'registry'];
const NEEDS = {
    types: [],
    validators: ['types'],
    spec: [],
    clients: ['types', 'validators', 'spec'],
    docs: [],
    registry: ['spec'],
};
/** An npm package name (scoped or not): what `packages` may list. */
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
/** Types a config file: `export default defineConfig({ out: 'src/generated' })`. */
export function defineConfig(config) {
    return config;
}
const KNOWN_KEYS = ['specs', 'out', 'adapters', 'templates', 'docsOut', 'artifacts', 'runtimeImport', 'packages'];
/** Problems with a config value, as messages naming the field. */
export function configProblems(config) {
    if (!config || typeof config !== 'object' || Array.isArray(config))
        return ['the config must be an object'];
    const problems = [];
    const record = config;
    for (const key of Object.keys(record))
        if (!KNOWN_KEYS.includes(key))
            problems.push(`unknown option "${key}" (known: ${KNOWN_KEYS.join(', ')})`);
    for (const key of ['specs', 'out', 'adapters', 'docsOut', 'runtimeImport']) {
        if (record[key] !== undefined && (typeof record[key] !== 'string' || record[key] === ''))
            problems.push(`"${key}" must be a non-empty string`);
    }
    const templates = record.templates;
    if (templates !== undefined && typeof templates !== 'string' && !(Array.isArray(templates) && templates.every((t) => typeof t === 'string'))) {
        problems.push('"templates" must be a folder or a list of folders');
    }
    const packages = record.packages;
    if (packages !== undefined && !(Array.isArray(packages) && packages.every((p) => typeof p === 'string' && PACKAGE_NAME.test(p)))) {
        problems.push('"packages" must be a list of package names, e.g. ["@contractgen/twilio"]');
    }
    if (record.artifacts !== undefined)
        problems.push(...artifactProblems(record.artifacts));
    return problems;
}
function artifactProblems(artifacts) {
    if (!artifacts || typeof artifacts !== 'object')
        return ['"artifacts" must be an object of booleans'];
    const problems = [];
    for (const [name, on] of Object.entries(artifacts)) {
        if (!ARTIFACTS.includes(name))
            problems.push(`unknown artifact "${name}" (known: ${ARTIFACTS.join(', ')})`);
        else if (typeof on !== 'boolean')
            problems.push(`artifacts.${name} must be true or false`);
    }
    const enabled = enabledArtifacts(artifacts);
    for (const artifact of enabled) {
        for (const needed of NEEDS[artifact])
            if (!enabled.has(needed))
                problems.push(`artifacts.${artifact} needs artifacts.${needed}`);
    }
    return problems;
}
export function enabledArtifacts(toggles = {}) {
    return new Set(ARTIFACTS.filter((a) => toggles[a] !== false));
}
//# sourceMappingURL=config.js.map