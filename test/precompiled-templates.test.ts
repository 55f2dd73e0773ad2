/**
 * The built-in templates compiled by the build (generator/scripts/precompile-templates.mjs,
 * generator/emit/precompiled.ts): the built CLI renders with them, the sources (run in process
 * here) compile every template when first used, and both write the same bytes, with text that
 * Handlebars would escape as HTML passing through a partial untouched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATE_DIRS } from '../generator/artifacts/index.js';
import { generate } from '../generator/index.js';
import { integrationSource, specProject } from './support/spec-sources.js';
import { REPO, removeDir, runCli, snapshot } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

/** Quotes, `=`, `<`, `&` and a backtick: what Handlebars escapes unless told not to. */
const ESCAPABLE = 'Sender = "Acme" <ops&co> it\'s `x`';

it('the built CLI (templates compiled at build time) and the sources (compiled at run time) write the same bytes', async () => {
  const spec = integrationSource({ key: 'sms.quoted', configSchema: `{ schema: { type: 'object', properties: { from: { type: 'string', description: ${JSON.stringify(ESCAPABLE)} } }, required: ['from'] }, example: { from: 'x' } }` });
  const root = specProject('precompiled', scratch, { 'specs/integrations/quoted.ts': spec });
  const built = runCli(['generate', '--out', 'built', '--no-cache'], root);
  expect(built.code, built.stderr).toBe(0);
  const fromSources = await generate({ root, out: 'compiled', cache: false });
  expect(fromSources.ok).toBe(true);
  const contents = (dir: string) => Object.fromEntries(Object.entries(snapshot(join(root, dir))).map(([path, file]) => [path, file.content]));
  expect(contents('built')).toEqual(contents('compiled'));
  // The docs page's schema table is a partial called by a precompiled template: nothing escaped as HTML.
  const page = readFileSync(join(root, 'built/docs/integrations/sms.quoted.md'), 'utf8');
  expect(page).toContain('Sender = "Acme"');
  expect(page).not.toMatch(/&quot;|&#x3D;|&#x27;/);
});

it('a partial override (compiled by the run) called from a precompiled template is compiled with the same options: nothing escaped as HTML', async () => {
  const spec = integrationSource({ key: 'sms.quoted' });
  // The header partial prints the spec's path with `{{...}}`, which escapes unless noEscape is set.
  const root = specProject('precompiled-partial', scratch, { 'specs/integrations/a=b.ts': spec, 'overrides/partials/ts-header.hbs': '// from {{source}}\n' });
  const built = runCli(['generate', '--out', 'built', '--no-cache', '--templates', 'overrides'], root);
  expect(built.code, built.stderr).toBe(0);
  const fromSources = await generate({ root, out: 'compiled', cache: false, templates: ['overrides'] });
  expect(fromSources.ok).toBe(true);
  const header = readFileSync(join(root, 'built/integrations/sms.quoted/types.ts'), 'utf8').split('\n')[0];
  expect(header).toMatch(/^\/\/ from .*a=b\.ts$/);
  expect(header).toBe(readFileSync(join(root, 'compiled/integrations/sms.quoted/types.ts'), 'utf8').split('\n')[0]);
});

it('the build compiled every built-in template, and a template edited since is compiled by the run', async () => {
  const { precompiledTemplate } = (await import(pathToFileURL(join(REPO, 'generator/dist/emit/precompiled.js')).href)) as typeof import('../generator/emit/precompiled.js');
  const templates = BUILT_IN_TEMPLATE_DIRS.flatMap((folder) => {
    try {
      return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.hbs')).map((name) => join(folder, name));
    } catch {
      return [];
    }
  });
  expect(templates.length).toBeGreaterThan(20);
  for (const file of templates) expect(precompiledTemplate(readFileSync(file, 'utf8')), file).toBeDefined();
  expect(precompiledTemplate(`${readFileSync(templates[0]!, 'utf8')}\n`)).toBeUndefined();
});
