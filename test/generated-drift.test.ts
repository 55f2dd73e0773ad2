import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/index.js';
import { REPO, removeDir, runCli, scratchDir, snapshot } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

/** The two projects of this repository that commit generated code: the root, and the Twilio package (its capability types). */
const PROJECTS = [
  { name: 'the repository root', root: REPO, specs: 8 },
  { name: '@contractgen/twilio', root: join(REPO, 'adapters', 'twilio'), specs: 5 },
];

describe.each(PROJECTS)('generated code of $name is what the generator produces from its specs', ({ root, specs }) => {
  it('has no drifted, missing or stale file (contractgen check)', async () => {
    const result = await generate({ root, mode: 'check' });
    const drift = result.files.filter((f) => f.status !== 'unchanged');
    expect(drift).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('the CLI check exits 0 and prints a summary', () => {
    const run = runCli(['check'], root);
    expect(run.stderr).toMatch(new RegExp(`contractgen check: ${specs} specs, \\d+ files up to date`));
    expect(run.code).toBe(0);
  });
});

describe('output is deterministic and machine-independent', () => {
  it('produces the same bytes in two fresh output folders', async () => {
    const [a, b] = [scratchDir('det-a'), scratchDir('det-b')];
    scratch.push(a, b);
    const options = { root: REPO };
    await generate({ ...options, out: a });
    await generate({ ...options, out: b });
    const [sa, sb] = [snapshot(a), snapshot(b)];
    expect(Object.keys(sa).length).toBeGreaterThan(30);
    expect(Object.fromEntries(Object.entries(sa).map(([k, v]) => [k, v.content]))).toEqual(Object.fromEntries(Object.entries(sb).map(([k, v]) => [k, v.content])));
    // Machine independence: no absolute path of this checkout leaks into the output.
    for (const [path, file] of Object.entries(sa)) expect(file.content.includes(REPO), path).toBe(false);
  });

  it('check fails and names the file when generated output is edited by hand', async () => {
    const out = scratchDir('drift');
    scratch.push(out);
    const options = { root: REPO };
    await generate({ ...options, out });
    const target = join(out, 'integrations/sms.twilio/types.ts');
    writeFileSync(target, readFileSync(target, 'utf8') + '// edited\n');
    const result = await generate({ ...options, out, mode: 'check' });
    expect(result.ok).toBe(false);
    expect(result.files).toContainEqual({ path: 'integrations/sms.twilio/types.ts', status: 'drifted' });
    expect(result.diagnostics.some((d) => d.code === 'CG300' && d.file === target)).toBe(true);
  });
});
