import { formatPath } from './findings.js';
import { capabilityFindings, integrationFindings } from './rules.js';
/** Thrown when a spec module is imported directly and its spec breaks a rule. */
export class SpecValidationError extends Error {
    specKey;
    findings;
    constructor(specKey, findings) {
        super(`invalid spec ${specKey}:\n` +
            findings.map((f) => `  ${formatPath(f.path)}: ${f.message} (${f.code})${f.hint ? ` - ${f.hint}` : ''}`).join('\n'));
        this.specKey = specKey;
        this.findings = findings;
        this.name = 'SpecValidationError';
    }
}
function checked(spec, findings) {
    const errors = findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
        const key = spec?.meta?.key;
        throw new SpecValidationError(typeof key === 'string' ? key : '(unnamed spec)', errors);
    }
    return spec;
}
/**
 * Declares an integration. The generator reads the object literal statically; at runtime this
 * checks the same single-spec rules and returns the spec unchanged, literal types preserved.
 */
export function defineIntegration(spec) {
    return checked(spec, integrationFindings(spec));
}
/** Declares a capability: the operations and events its providers implement. */
export function defineCapability(spec) {
    return checked(spec, capabilityFindings(spec));
}
//# sourceMappingURL=define.js.map