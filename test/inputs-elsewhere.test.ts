/**
 * The watch of inputs outside the specs, adapters and templates folders (generator/watch/inputs-elsewhere.ts),
 * on real folders: a save is seen whether it comes after the watch is in place or before it (between
 * the run's read and the watch), and a module that does not exist yet is seen when it appears.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { inputState, ABSENT } from '../generator/fs/input-state.js';
import { InputsElsewhere } from '../generator/watch/inputs-elsewhere.js';
import { waitFor } from './support/cli-process.js';
import { removeDir, scratchDir, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
const watchers: InputsElsewhere[] = [];
afterEach(async () => Promise.all(watchers.splice(0).map((w) => w.close())));
afterAll(() => scratch.forEach(removeDir));

function project() {
  const root = scratchDir('inputs-elsewhere');
  scratch.push(root);
  writeFiles(root, { 'specs/integrations/acme.ts': '// spec\n', 'shared/title.ts': "export const TITLE = 'One';\n" });
  const saved: string[] = [];
  const elsewhere = new InputsElsewhere(root, [join(root, 'specs')], (path) => saved.push(path));
  watchers.push(elsewhere);
  return { root, saved, elsewhere, title: join(root, 'shared/title.ts') };
}

it('sees saves of a module outside the watched folders, in place and by rename, and nothing of the watched folders', async () => {
  const { root, saved, elsewhere, title } = project();
  elsewhere.update({ [title]: inputState(title)!, [join(root, 'specs/integrations/acme.ts')]: 'x' });
  expect(saved).toEqual([]);
  writeFileSync(title, "export const TITLE = 'Two';\n");
  await waitFor('the save in place', () => saved.includes(title));
  saved.length = 0;
  writeFileSync(`${title}.tmp`, "export const TITLE = 'Three';\n");
  renameSync(`${title}.tmp`, title);
  await waitFor('the save by rename', () => saved.includes(title));
  expect(saved.every((path) => path === title)).toBe(true);
});

it('reports a module saved after the run read it and before its folder was watched, at once', () => {
  const { saved, elsewhere, title } = project();
  const asRead = inputState(title)!;
  // The save lands as the run that found the import ends: no watch could have seen it.
  writeFileSync(title, "export const TITLE = 'Saved meanwhile';\n");
  elsewhere.update({ [title]: asRead });
  expect(saved).toEqual([title]);
  // A folder watched already is not looked at again: its events tell.
  saved.length = 0;
  elsewhere.update({ [title]: asRead });
  expect(saved).toEqual([]);
});

it('watches the nearest folder that exists for a module the resolver did not find, and sees it appear', async () => {
  const { root, saved, elsewhere } = project();
  const missing = join(root, 'shared/limits/index.ts');
  elsewhere.update({ [missing]: ABSENT });
  expect(saved).toEqual([]);
  mkdirSync(join(root, 'shared/limits'));
  writeFileSync(missing, 'export const LIMIT = 1;\n');
  await waitFor('the folder of the missing module to appear', () => saved.includes(missing));
});

it('a new input of a folder watched already, saved before the run that found it ended, is reported', () => {
  const { root, saved, elsewhere, title } = project();
  elsewhere.update({ [title]: inputState(title)! });
  const limits = join(root, 'shared/limits.ts');
  writeFileSync(limits, 'export const LIMIT = 1;\n');
  const asRead = inputState(limits)!;
  // Saved again after the run read it, before it handed over its inputs: the folder's event was
  // for a file it did not stand for yet.
  writeFileSync(limits, 'export const LIMIT = 2;\n');
  saved.length = 0;
  elsewhere.update({ [title]: inputState(title)!, [limits]: asRead });
  expect(saved).toEqual([limits]);
});

it('a watched folder moved away is a save of its inputs, and one removed and made again is watched again after the next run', async () => {
  const { root, saved, elsewhere, title } = project();
  elsewhere.update({ [title]: inputState(title)! });
  renameSync(join(root, 'shared'), join(root, 'shared.old'));
  await waitFor('the folder moved away', () => saved.includes(title));
  // The run after it: the module is gone; its folder is made again and the module written.
  saved.length = 0;
  elsewhere.update({ [title]: ABSENT });
  mkdirSync(join(root, 'shared'));
  writeFileSync(title, "export const TITLE = 'Back';\n");
  await waitFor('the module in the folder made again', () => saved.includes(title));
  // Removed and made again between two runs: the next run watches the new folder.
  elsewhere.update({ [title]: inputState(title)! });
  rmSync(join(root, 'shared'), { recursive: true });
  mkdirSync(join(root, 'shared'));
  writeFileSync(title, "export const TITLE = 'Again';\n");
  const asRead = inputState(title)!;
  elsewhere.update({ [title]: asRead });
  saved.length = 0;
  writeFileSync(title, "export const TITLE = 'Seen';\n");
  await waitFor('a save in the folder made again', () => saved.includes(title));
});
