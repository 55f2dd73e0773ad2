/**
 * Type checks that are not about one feature:
 * - the repository as a whole (tests, benchmarks, examples, specs, generated code and the
 *   packages' sources) under tsconfig.json's flags: `npm test` is where a type error in a test or
 *   an example is caught;
 * - the flags generated code is held to, in one list: the consumer apps' tsconfig
 *   (test/e2e/consumer-apps.test.ts compiles generated code with it, from the packed packages),
 *   the README's sentence that promises them, and CONSUMER_FLAGS, which test/support/workspace.ts's
 *   typecheck applies to every generated project of the suite.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSUMER_FLAGS, REPO } from './support/workspace.js';

describe('type checks', () => {
  it('tsc -p tsconfig.json reports nothing', () => {
    const result = spawnSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO, 'tsconfig.json'), '--pretty', 'false'], { cwd: REPO, encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it("the README names every strict flag the consumer apps compile generated code under, and the suite's typecheck sets the unused-name ones", () => {
    const tsconfig = readFileSync(join(REPO, 'test/fixtures/consumer-app/common/tsconfig.strict.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const options = (JSON.parse(tsconfig) as { compilerOptions: Record<string, unknown> }).compilerOptions;
    const flags = Object.keys(options).filter((name) => options[name] === true && name !== 'strict' && name !== 'skipLibCheck');
    expect(flags).toEqual(expect.arrayContaining(['noUnusedLocals', 'noUnusedParameters', 'exactOptionalPropertyTypes']));
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const promise = /Besides the flags above, it compiles under([\s\S]*?)\(The precompiled/.exec(readme)?.[1] ?? '';
    for (const flag of flags) expect(promise, flag).toContain(`\`${flag}\``);
    for (const [flag, value] of Object.entries(CONSUMER_FLAGS)) expect(options[flag], flag).toBe(value);
  });
});
