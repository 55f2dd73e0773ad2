/**
 * The progress line of a long run (`contractgen: 3/5 spec files`), as a terminal shows it: the real
 * CLI under a pseudo-terminal (util-linux `script`), and the same run through pipes, with the
 * JSON reporter and with --quiet, where it never appears. The second a run must last before the
 * line shows is shortened for the test (a probe: test/support/probed-cli.mjs), so a small project
 * shows it; one run keeps a long wait to show that a short run prints nothing extra.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probedCli, type CliProbes } from './support/cli-process.js';
import { copyInto, removeDir, scratchDir, TWILIO_SPECS, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

const ERASE_LINE = '\r\u001b[2K';
/** Every spec file of the project: the Twilio package's. */
const FILES = 5;

function project(): string {
  const root = scratchDir('progress');
  scratch.push(root);
  copyInto(TWILIO_SPECS, join(root, 'specs'));
  writeFiles(root, { 'contractgen.config.json': '{}\n' });
  return root;
}

/** Runs the CLI with a terminal on stdin, stdout and stderr; returns what the terminal received. */
function onTerminal(args: readonly string[], cwd: string, probes: CliProbes): { code: number | null; screen: string } {
  const command = [process.execPath, ...probedCli(probes, args)].map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(' ');
  const result = spawnSync('script', ['--quiet', '--return', '--command', command, '/dev/null'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, screen: result.stdout };
}

/** Runs the CLI through pipes. */
function piped(args: readonly string[], cwd: string, probes: CliProbes): { code: number | null; stderr: string } {
  const result = spawnSync(process.execPath, probedCli(probes, args), { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stderr: result.stderr };
}

const SHOW_AT_ONCE: CliProbes = { progressAfterMs: 0 };

describe('the progress line', () => {
  it('on a terminal: files done out of the total, redrawn in place, erased before the report', () => {
    const { code, screen } = onTerminal(['generate', '--no-cache'], project(), SHOW_AT_ONCE);
    expect(code).toBe(0);
    const lines = screen.split(ERASE_LINE);
    expect(lines[1]).toBe(`contractgen: 0/${FILES} spec files`);
    expect(lines).toContain(`contractgen: ${FILES}/${FILES} spec files`);
    // Whatever comes after the last erase is the report alone, on a clean line.
    expect(lines.at(-1)).toMatch(new RegExp(`^contractgen generate: ${FILES} specs, \\d+ written, 0 unchanged, 0 removed \\(\\d+ ms\\)\\r?\\n$`));
    for (const drawn of lines.slice(1, -1)) expect(drawn).toMatch(/^contractgen: \d+\/5 spec files$/);
  });

  it('never through a pipe, with --reporter json or with --quiet; and not for a run shorter than its wait', () => {
    const root = project();
    const throughPipes = piped(['generate', '--no-cache'], root, SHOW_AT_ONCE);
    expect(throughPipes.code).toBe(0);
    expect(throughPipes.stderr).not.toContain('spec files');
    const json = onTerminal(['generate', '--no-cache', '--reporter', 'json'], root, SHOW_AT_ONCE);
    expect(json.code).toBe(0);
    expect(json.screen).not.toContain('spec files');
    expect(JSON.parse(json.screen)).toMatchObject({ ok: true });
    const quiet = onTerminal(['generate', '--no-cache', '--quiet'], root, SHOW_AT_ONCE);
    expect(quiet).toEqual({ code: 0, screen: '' });
    const short = onTerminal(['generate', '--no-cache'], root, { progressAfterMs: 60_000 });
    expect(short.code).toBe(0);
    expect(short.screen).not.toContain('spec files');
    expect(short.screen).not.toContain(ERASE_LINE);
  });
});
