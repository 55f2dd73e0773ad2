/**
 * The real CLI, compiled as users run it, with probes set first (generator/probes.ts): how a test
 * stops or pauses a real run at a chosen point, without anything in the shipped code reading a
 * switch from the environment. `node probed-cli.mjs '<settings as JSON>' [contractgen arguments]`:
 *
 *   killAfterSteps: k    SIGKILL itself (nothing of ours runs after it) once k renames/removals of
 *                        a commit, or of completing a killed run, are done (0: at the commit point)
 *   pauseFile: path      once every input is read and processed, create `path` and wait (60 s at
 *                        most) until the test deletes it: the test edits an input in between
 *   progressAfterMs: n   show the progress line after n ms instead of a second
 */
import { existsSync, writeFileSync } from 'node:fs';
import { probes } from '../../generator/dist/probes.js';

const [json, ...argv] = process.argv.slice(2);
const settings = JSON.parse(json);
if (settings.killAfterSteps !== undefined) {
  probes.stepDone = (done) => {
    if (done === settings.killAfterSteps) process.kill(process.pid, 'SIGKILL');
  };
}
if (settings.pauseFile !== undefined) {
  probes.inputsRead = () => {
    writeFileSync(settings.pauseFile, `${process.pid}\n`);
    const deadline = Date.now() + 60_000;
    const nap = new Int32Array(new SharedArrayBuffer(4));
    while (existsSync(settings.pauseFile) && Date.now() < deadline) Atomics.wait(nap, 0, 0, 20);
  };
}
if (settings.progressAfterMs !== undefined) probes.progressAfterMs = settings.progressAfterMs;

const { main } = await import('../../generator/dist/cli/main.js');
process.exitCode = await main(argv);
