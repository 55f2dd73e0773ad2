/**
 * A run in this process, printed as the CLI prints it (its own reporter, no colours) and with the
 * exit code it would give: for claims about what a run reports, where a child process would add
 * only its start-up (about a second of CPU each). Exit codes, streams and flags themselves are
 * tested through the real CLI.
 */
import { report } from '../../generator/cli/report.js';
import { generate, type GenerateOptions, type GenerateResult } from '../../generator/index.js';
import { noColors } from '../../generator/report/format.js';

export interface PrintedRun {
  readonly code: 0 | 1;
  readonly stdout: string;
  readonly stderr: string;
  readonly result: GenerateResult;
}

/** What the CLI prints for `result` of `command` in `root` (run time shown as 0 ms). */
export function printed(result: GenerateResult, root: string, reporter: 'human' | 'json' = 'human', command = 'generate'): { stdout: string; stderr: string } {
  const streams = { stdout: '', stderr: '' };
  const sink = (stream: keyof typeof streams) => (text: string) => void (streams[stream] += text.endsWith('\n') ? text : `${text}\n`);
  report(result, { root, reporter, quiet: false, timings: false, colors: noColors, command, elapsedMs: 0 }, sink('stdout'), sink('stderr'));
  return streams;
}

export async function runInProcess(options: GenerateOptions & { readonly root: string }, reporter: 'human' | 'json' = 'human'): Promise<PrintedRun> {
  const result = await generate(options);
  const command = options.mode === 'check' ? 'check' : options.mode === 'validate' ? 'validate' : 'generate';
  return { code: result.ok ? 0 : 1, ...printed(result, options.root, reporter, command), result };
}
