#!/usr/bin/env node
/**
 * Compiles the built-in templates (BUILT_IN_TEMPLATE_DIRS: templates/ and each artifact's) into
 * dist/emit/precompiled-templates.cjs, keyed as emit/precompiled.ts looks them up. Run after
 * `tsc -b` (npm run build, npm test, the package's prepack): a template missing from the file, or
 * edited since, is compiled by the run itself, with the same output.
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { BUILT_IN_TEMPLATE_DIRS } from '../dist/artifacts/index.js';
import { COMPILE_OPTIONS, PRECOMPILED_FILE, templateKey } from '../dist/emit/precompiled.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = new Map();
for (const folder of BUILT_IN_TEMPLATE_DIRS) {
  let names;
  try {
    names = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.hbs')).sort();
  } catch {
    continue;
  }
  for (const name of names) {
    const text = readFileSync(join(folder, name), 'utf8');
    entries.set(templateKey(text), Handlebars.precompile(text, { ...COMPILE_OPTIONS }));
  }
}
const body = [...entries].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, spec]) => `  ${JSON.stringify(key)}: ${spec},`).join('\n');
const file = join(packageRoot, 'dist', 'emit', PRECOMPILED_FILE);
writeFileSync(`${file}.tmp`, `// Written by scripts/precompile-templates.mjs: the built-in templates, compiled by Handlebars ${Handlebars.VERSION}.\nmodule.exports = {\n${body}\n};\n`);
renameSync(`${file}.tmp`, file);
