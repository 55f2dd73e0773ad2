/**
 * Replays saved cases (run.ts saves the first of each kind of finding) in this thread and prints
 * what each broke: `tsx test/fuzz/replay.ts test/.tmp/fuzz-findings/123-456.json [--mode write]`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO } from '../support/workspace.js';
import { FuzzProject } from './project.js';
import { loadCase } from './saved-case.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { mode: { type: 'string' } } });
const project = new FuzzProject(join(REPO, 'test', '.tmp', `fuzz-replay-${process.pid}`));
await project.warmUp();
for (const file of positionals) {
  const saved = loadCase(readFileSync(file, 'utf8'));
  const outcome = await project.run({ ...saved, mode: values.mode === 'validate' || values.mode === 'write' ? values.mode : saved.mode });
  console.log(`${file}: ${outcome.ok ? 'ok' : `${outcome.errors} errors`} (${outcome.codes.join(', ')}) in ${outcome.ms.toFixed(0)} ms${outcome.violations.map((v) => `\n  BROKEN: ${v.slice(0, 2000)}`).join('')}`);
}
