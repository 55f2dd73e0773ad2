/** What a run prints: diagnostics, then one summary line (human), or one JSON document (`--reporter json`). */
import type { GenerateResult } from '../generate.js';
import { displayPath } from '../fs/display-path.js';
import { formatDiagnostic, type Colors } from '../report/format.js';

export interface ReportOptions {
  readonly root: string;
  readonly reporter: 'human' | 'json';
  readonly quiet: boolean;
  readonly timings: boolean;
  readonly colors: Colors;
  readonly command: string;
  readonly elapsedMs: number;
}

/** What a command reports: a run's result, and for `new` the files it created (absolute). */
export type RunReport = GenerateResult & { readonly created?: readonly string[] };

/** The result of a command that ran nothing (a config that cannot be read, a `new` refused before it generated). */
export const NOTHING_RUN: GenerateResult = { ok: false, diagnostics: [], specs: [], files: [], timings: {}, sourceText: () => undefined };

export function report(result: RunReport, options: ReportOptions, out: (s: string) => void, err: (s: string) => void): void {
  const created = result.created?.map((file) => displayPath(file, options.root));
  if (options.reporter === 'json') {
    out(
      JSON.stringify(
        {
          ok: result.ok,
          command: options.command,
          diagnostics: result.diagnostics.map((d) => ({ ...d, file: d.file && displayPath(d.file, options.root) })),
          specs: result.specs.map((s) => ({ ...s, file: displayPath(s.file, options.root) })),
          files: result.files,
          created,
          timings: options.timings ? roundTimings(result.timings) : undefined,
          elapsedMs: Math.round(options.elapsedMs),
        },
        null,
        2,
      ),
    );
    return;
  }
  for (const diagnostic of result.diagnostics) {
    if (options.quiet && diagnostic.severity !== 'error') continue;
    err(formatDiagnostic(diagnostic, { root: options.root, sourceText: result.sourceText, colors: options.colors }) + '\n');
  }
  for (const file of created ?? []) err(`created ${file}`);
  if (options.timings) {
    for (const [stage, ms] of Object.entries(roundTimings(result.timings))) err(`${options.colors.dim(stage.padEnd(10))} ${ms} ms`);
  }
  if (!options.quiet || !result.ok) err(summary(result, options));
}

function summary(result: GenerateResult, options: ReportOptions): string {
  const count = (status: string) => result.files.filter((f) => f.status === status).length;
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  const parts = [`${result.specs.length} specs`];
  if (options.command === 'generate' || options.command === 'new') parts.push(`${count('written')} written`, `${count('unchanged')} unchanged`, `${count('removed')} removed`);
  if (options.command === 'check' && errors === 0) parts.push(`${count('unchanged')} files up to date`);
  if (errors) parts.push(options.colors.red(`${errors} error${errors === 1 ? '' : 's'}`));
  if (warnings) parts.push(options.colors.yellow(`${warnings} warning${warnings === 1 ? '' : 's'}`));
  return `contractgen ${options.command}: ${parts.join(', ')} (${Math.round(options.elapsedMs)} ms)`;
}

function roundTimings(timings: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}
