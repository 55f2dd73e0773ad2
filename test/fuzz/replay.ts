/**
 * Replays one saved case in this thread and prints what it broke: `tsx test/fuzz/replay.ts
 * test/.tmp/fuzz-findings/123-456.ts [--path specs/capabilities/sms-outbound.ts] [--mode write]`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO } from '../support/workspace.js';
import { FuzzProject } from './project.js';
import { TARGET_PATH } from './seeds.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { path: { type: 'string', default: TARGET_PATH }, mode: { type: 'string', default: 'write' } } });
const project = new FuzzProject(join(REPO, 'test', '.tmp', `fuzz-replay-${process.pid}`));
for (const file of positionals) {
  const outcome = await project.run({ label: file, path: values.path!, content: readFileSync(file), mode: values.mode === 'validate' ? 'validate' : 'write' });
  console.log(`${file}: ${outcome.ok ? 'ok' : `${outcome.errors} errors`} in ${outcome.ms.toFixed(0)} ms${outcome.violations.map((v) => `\n  BROKEN: ${v.slice(0, 2000)}`).join('')}`);
}
