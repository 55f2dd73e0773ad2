/**
 * The real CLI as a long-running child process (watch mode), and polling helpers: tests wait for
 * an observable state with a deadline instead of sleeping for a fixed time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CLI } from './workspace.js';

export interface CliProcess {
  readonly child: ChildProcess;
  /** Everything printed so far on stdout and stderr (interleaved in arrival order). */
  output(): string;
  /** Resolves with the exit code and signal once the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  /** Sends a signal and waits for the exit; SIGKILL after `graceMs` if it does not go. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<CliProcess>();

/** Probe settings for the CLI a test starts (test/support/probed-cli.mjs says what each does). */
export interface CliProbes {
  readonly killAfterSteps?: number;
  readonly pauseFile?: string;
  readonly progressAfterMs?: number;
}

/** The command line that runs the real CLI with `probes` set (generator/probes.ts) before it starts. */
export function probedCli(probes: CliProbes, args: readonly string[]): string[] {
  return [PROBED_CLI, JSON.stringify(probes), ...args];
}

const PROBED_CLI = fileURLToPath(new URL('./probed-cli.mjs', import.meta.url));

/** `probes`: run it through probed-cli.mjs, with those probes set. */
export function startCli(args: readonly string[], cwd: string, env: Record<string, string> = {}, probes?: CliProbes): CliProcess {
  const child = spawn(process.execPath, probes ? probedCli(probes, args) : [CLI, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
  });
  const cli: CliProcess = {
    child,
    output: () => text,
    exited,
    alive: () => !done && child.exitCode === null && child.signalCode === null,
    async stop(signal = 'SIGTERM', graceMs = 10_000) {
      if (cli.alive()) child.kill(signal);
      const timer = setTimeout(() => cli.alive() && child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
        running.delete(cli);
      }
    },
  };
  running.add(cli);
  void exited.then(() => running.delete(cli));
  return cli;
}

/** Kills every CLI process a test started and did not stop (for afterEach/afterAll). */
export async function stopAllCli(): Promise<void> {
  await Promise.all([...running].map((cli) => cli.stop('SIGKILL', 1_000)));
}

/**
 * Polls `check` until it returns a value other than undefined/false, or throws after `timeoutMs`
 * with `what` and the last thing `describe` reports (e.g. the process output).
 */
export async function waitFor<T>(what: string, check: () => T | undefined | false, options: { timeoutMs?: number; intervalMs?: number; describe?: () => string } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = options.describe ? `\n--- ${options.describe()}` : '';
      throw new Error(`timed out waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}${detail}`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 50));
  }
}
