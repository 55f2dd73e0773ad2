/** Code artifacts of one integration: config/secret types, precompiled validators, the spec constant. */
import { camelCase } from '../check/identifiers.js';
import { artifactFlags, render, runtimeShimFrom, sourceLabel } from './context.js';
import { tsLiteral } from './escape.js';
import { redactSpec } from './redact.js';
import { schemaToTypeScript } from './json-schema-types.js';
import { standaloneValidators } from './standalone-validators.js';
export async function emitIntegration(integration, context) {
    const { spec, name } = integration;
    const dir = `integrations/${spec.meta.key}`;
    const source = sourceLabel(context, integration.loaded.file);
    const base = { source, runtime: runtimeShimFrom(`${dir}/index.ts`), key: spec.meta.key };
    const withDescription = (schema, fallback) => ({ description: fallback, ...schema });
    const on = artifactFlags(context);
    const files = [];
    if (on.types) {
        const [configTypes, secretTypes] = await Promise.all([
            schemaToTypeScript(withDescription(spec.configSchema.schema, `Configuration of ${spec.meta.key} (configSchema).`), `${name}Config`),
            schemaToTypeScript(withDescription(spec.secretSchema.schema, `Secrets of ${spec.meta.key} (secretSchema).`), `${name}Secrets`),
        ]);
        files.push({ path: `${dir}/types.ts`, content: render(context, 'integration/types.ts', { ...base, configTypes, secretTypes }) });
    }
    const validators = [
        { name: `${camelCase(spec.meta.key)}ConfigValidator`, type: `${name}Config`, fn: 'validateConfig', schema: spec.configSchema.schema },
        { name: `${camelCase(spec.meta.key)}SecretsValidator`, type: `${name}Secrets`, fn: 'validateSecrets', schema: spec.secretSchema.schema, secret: true },
    ];
    if (on.validators)
        files.push(...validatorFiles(dir, validators, base, context));
    if (on.spec) {
        files.push({
            path: `${dir}/spec.ts`,
            content: render(context, 'integration/spec.ts', { ...base, title: spec.meta.title, version: spec.meta.version, constName: `${camelCase(spec.meta.key)}Spec`, literal: tsLiteral(redactSpec(spec)) }),
        });
    }
    files.push({ path: `${dir}/index.ts`, content: render(context, 'integration/index.ts', { ...base, artifacts: on }) });
    return files;
}
/** validate.ts (ajv's standalone code) and the typed wrappers: shared by integrations and capabilities. */
export function validatorFiles(dir, validators, base, context) {
    const code = standaloneValidators(Object.fromEntries(validators.map((v) => [v.fn, v.schema])), context.validators);
    return [
        { path: `${dir}/validate.ts`, content: render(context, 'validate.ts', { ...base, code, ajvImport: `${context.runtimeImport}/ajv` }) },
        { path: `${dir}/validators.ts`, content: render(context, 'validators.ts', { ...base, validators }) },
    ];
}
//# sourceMappingURL=integration.js.map