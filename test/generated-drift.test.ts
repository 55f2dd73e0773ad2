import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/index.js';
import { REPO, removeDir, runCli, scratchDir, snapshot } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

describe('generated/ is what the generator produces from specs/', () => {
  it('has no drifted, missing or stale file (contractgen check)', async () => {
    const result = await generate({ root: REPO, mode: 'check' });
    const drift = result.files.filter((f) => f.status !== 'unchanged');
    expect(drift).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('the CLI check exits 0 on this repository and prints a summary', () => {
    const run = runCli(['check'], REPO);
    expect(run.stderr).toMatch(/contractgen check: 5 specs, \d+ files up to date/);
    expect(run.code).toBe(0);
  });

  it('produces the same bytes in two fresh output folders', async () => {
    const [a, b] = [scratchDir('det-a'), scratchDir('det-b')];
    scratch.push(a, b);
    await generate({ root: REPO, out: a });
    await generate({ root: REPO, out: b });
    const [sa, sb] = [snapshot(a), snapshot(b)];
    expect(Object.keys(sa).length).toBeGreaterThan(30);
    expect(Object.fromEntries(Object.entries(sa).map(([k, v]) => [k, v.content]))).toEqual(Object.fromEntries(Object.entries(sb).map(([k, v]) => [k, v.content])));
    // Machine independence: no absolute path of this checkout leaks into the output.
    for (const [path, file] of Object.entries(sa)) expect(file.content.includes(REPO), path).toBe(false);
  });

  it('check fails and names the file when generated output is edited by hand', async () => {
    const out = scratchDir('drift');
    scratch.push(out);
    await generate({ root: REPO, out });
    const target = join(out, 'integrations/sms.twilio/types.ts');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(target, readFileSync(target, 'utf8') + '// edited\n');
    const result = await generate({ root: REPO, out, mode: 'check' });
    expect(result.ok).toBe(false);
    expect(result.files).toContainEqual({ path: 'integrations/sms.twilio/types.ts', status: 'drifted' });
    expect(result.diagnostics.some((d) => d.code === 'CG300' && d.file === target)).toBe(true);
  });
});
