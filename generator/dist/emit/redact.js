import { credentialLike } from '../spec/rules.js';
import { maskSecrets } from '../report/mask.js';
export function credentialExamples(spec) {
    const found = new Set();
    for (const value of Object.values(spec.secretSchema.example))
        if (typeof value === 'string' && credentialLike(value))
            found.add(value);
    return found;
}
export function redactSource(source, spec) {
    const credentials = credentialExamples(spec);
    return credentials.size ? maskSecrets(source, credentials) : source;
}
export function redactSpec(spec) {
    const credentials = credentialExamples(spec);
    if (credentials.size === 0)
        return spec;
    const example = Object.fromEntries(Object.entries(spec.secretSchema.example).map(([k, v]) => [k, typeof v === 'string' && credentials.has(v) ? '*'.repeat(v.length) : v]));
    return { ...spec, secretSchema: { ...spec.secretSchema, example } };
}
//# sourceMappingURL=redact.js.map