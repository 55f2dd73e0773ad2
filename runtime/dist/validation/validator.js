export class ValidationError extends Error {
    typeName;
    issues;
    constructor(typeName, issues) {
        super(`invalid ${typeName}: ${issues.map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join('; ')}`);
        this.typeName = typeName;
        this.issues = issues;
        this.name = 'ValidationError';
    }
}
export function createValidator(typeName, precompiled) {
    const validate = (value) => precompiled(value) ? { ok: true, value: value } : { ok: false, issues: issuesOf(precompiled.errors) };
    return {
        typeName,
        // The precompiled function itself: a guard costs exactly what ajv's own validator costs.
        is: precompiled,
        assert(value) {
            if (!precompiled(value))
                throw new ValidationError(typeName, issuesOf(precompiled.errors));
        },
        validate,
        '~standard': {
            version: 1,
            vendor: 'contractgen',
            validate: (value) => {
                const result = validate(value);
                return result.ok ? { value: result.value } : { issues: result.issues.map(standardIssue) };
            },
        },
    };
}
function issuesOf(errors) {
    return (errors ?? []).map((error) => {
        const segments = pointerSegments(error.instancePath);
        if (error.keyword === 'required')
            segments.push(String(error.params.missingProperty));
        if (error.keyword === 'additionalProperties')
            segments.push(String(error.params.additionalProperty));
        const message = error.keyword === 'required' ? 'is required' : error.keyword === 'additionalProperties' ? 'is not allowed' : (error.message ?? `fails ${error.keyword}`);
        return { path: dotted(segments), message };
    });
}
function pointerSegments(pointer) {
    return pointer ? pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : [];
}
function dotted(segments) {
    return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
function standardIssue(issue) {
    const path = issue.path
        ? issue.path.split(/\.|(?=\[)/).map((s) => (s.startsWith('[') ? Number(s.slice(1, -1)) : s))
        : undefined;
    return { message: issue.message, path };
}
//# sourceMappingURL=validator.js.map