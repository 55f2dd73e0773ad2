export function hasErrors(diagnostics) {
    return diagnostics.some((d) => d.severity === 'error');
}
/** Stable order for output: by file, then position, then code. */
export function sortDiagnostics(diagnostics) {
    return [...diagnostics].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0) ||
        a.code.localeCompare(b.code) ||
        a.message.localeCompare(b.message));
}
//# sourceMappingURL=diagnostics.js.map