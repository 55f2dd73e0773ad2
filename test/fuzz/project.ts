/**
 * One fuzz project on disk, reused for every case: the companion specs, a node_modules of its
 * own (so the build cache stays inside the project), and one spec file rewritten per case. A case
 * runs the pipeline in-process through the programmatic API and comes back with the invariants
 * it broke (invariants.ts).
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generate, type GenerateResult } from '../../generator/index.js';
import type { FuzzCase } from './arbitraries.js';
import { brokenInvariants, projectTree } from './invariants.js';
import { COMPANIONS, TARGET_PATH } from './seeds.js';
import { tamper, tamperingViolations } from './output-tampering.js';

export const OUT = 'generated';

export interface CaseOutcome {
  readonly ok: boolean;
  readonly errors: number;
  readonly violations: string[];
  readonly ms: number;
}

export class FuzzProject {
  constructor(readonly root: string) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(join(root, 'node_modules'), { recursive: true });
    writeFileSync(join(root, 'package.json'), '{ "name": "fuzz-project", "private": true }\n');
    this.restore();
  }

  /** Puts every companion back and removes the extra spec: each case starts from the same project. */
  restore(): void {
    for (const [path, source] of Object.entries(COMPANIONS)) {
      mkdirSync(dirname(join(this.root, path)), { recursive: true });
      copyFileSync(source, join(this.root, path));
    }
    const target = join(this.root, TARGET_PATH);
    if (existsSync(target)) rmSync(target);
  }

  /** One clean run that writes: loads every stage of the pipeline and leaves a build cache of the companions. */
  async warmUp(): Promise<void> {
    this.restore();
    const result = await generate({ root: this.root, out: OUT, adapters: 'none', mode: 'write', workers: 0 });
    if (!result.ok) throw new Error(`the fuzz project does not generate cleanly: ${JSON.stringify(result.diagnostics)}`);
  }

  async run(fuzzCase: FuzzCase): Promise<CaseOutcome> {
    this.restore();
    const file = join(this.root, fuzzCase.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, fuzzCase.content);
    const undo = fuzzCase.tamper && tamper(this.root, OUT, fuzzCase.tamper);
    try {
      return await this.runCase(fuzzCase);
    } finally {
      undo?.();
    }
  }

  private async runCase(fuzzCase: FuzzCase): Promise<CaseOutcome> {
    const before = projectTree(this.root);
    const start = performance.now();
    let result: GenerateResult | undefined;
    let thrown: unknown;
    try {
      result = await generate({ root: this.root, out: OUT, adapters: 'none', mode: fuzzCase.mode, workers: 0 });
    } catch (error) {
      thrown = error;
    }
    const ms = performance.now() - start;
    const violations = thrown === undefined ? brokenInvariants(this.root, result!, before, fuzzCase.mode) : [`an exception escaped generate(): ${(thrown as Error).stack ?? String(thrown)}`];
    if (fuzzCase.tamper && result) violations.push(...tamperingViolations(fuzzCase.tamper, result, fuzzCase.mode));
    return { ok: result?.ok ?? false, errors: result?.diagnostics.filter((d) => d.severity === 'error').length ?? 0, violations, ms };
  }
}
