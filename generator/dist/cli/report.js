import { displayPath, formatDiagnostic } from '../report/format.js';
export function report(result, options, out, err) {
    if (options.reporter === 'json') {
        out(JSON.stringify({
            ok: result.ok,
            command: options.command,
            diagnostics: result.diagnostics.map((d) => ({ ...d, file: d.file && displayPath(d.file, options.root) })),
            specs: result.specs.map((s) => ({ ...s, file: displayPath(s.file, options.root) })),
            files: result.files,
            timings: options.timings ? roundTimings(result.timings) : undefined,
            elapsedMs: Math.round(options.elapsedMs),
        }, null, 2));
        return;
    }
    for (const diagnostic of result.diagnostics) {
        if (options.quiet && diagnostic.severity !== 'error')
            continue;
        err(formatDiagnostic(diagnostic, { root: options.root, sourceText: result.sourceText, colors: options.colors }) + '\n');
    }
    if (options.timings) {
        for (const [stage, ms] of Object.entries(roundTimings(result.timings)))
            err(`${options.colors.dim(stage.padEnd(10))} ${ms} ms`);
    }
    if (!options.quiet || !result.ok)
        err(summary(result, options));
}
function summary(result, options) {
    const count = (status) => result.files.filter((f) => f.status === status).length;
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = result.diagnostics.length - errors;
    const parts = [`${result.specs.length} specs`];
    if (options.command === 'generate')
        parts.push(`${count('written')} written`, `${count('unchanged')} unchanged`, `${count('removed')} removed`);
    if (options.command === 'check' && errors === 0)
        parts.push(`${count('unchanged')} files up to date`);
    if (errors)
        parts.push(options.colors.red(`${errors} error${errors === 1 ? '' : 's'}`));
    if (warnings)
        parts.push(options.colors.yellow(`${warnings} warning${warnings === 1 ? '' : 's'}`));
    return `contractgen ${options.command}: ${parts.join(', ')} (${Math.round(options.elapsedMs)} ms)`;
}
function roundTimings(timings) {
    return Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}
//# sourceMappingURL=report.js.map