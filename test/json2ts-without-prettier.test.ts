/**
 * json-schema-to-typescript as the generator loads it: without Prettier (whose CommonJS entry
 * starts importing its 680 KB ES module as soon as it is required), with the same output.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/workspace.js';

/** The built module, run in a fresh process (this one has Prettier loaded already; `npm test` builds first). */
const LOADER = pathToFileURL(join(REPO, 'generator', 'dist', 'emit', 'json2ts-without-prettier.js')).href;
const SCHEMA = { type: 'object', properties: { region: { type: 'string', enum: ['eu', 'us'] }, retries: { type: 'integer' } }, required: ['region'], additionalProperties: false };
const OPTIONS = { bannerComment: '', format: false };

describe('json-schema-to-typescript without Prettier', () => {
  it('converts as the package does, and Prettier is never loaded', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { loadJsonSchemaToTypeScript } from ${JSON.stringify(LOADER)};
      const code = await loadJsonSchemaToTypeScript().compile(${JSON.stringify(SCHEMA)}, 'Config', ${JSON.stringify(OPTIONS)});
      const prettier = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('/prettier/'));
      process.stdout.write(JSON.stringify({ code, prettier, pending: process.getActiveResourcesInfo().filter((kind) => kind.startsWith('FSReq')) }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' })) as { code: string; prettier: string[]; pending: string[] };
    expect(out.prettier).toEqual([]);
    expect(out.pending).toEqual([]);
    return compile(SCHEMA as never, 'Config', OPTIONS).then((expected) => expect(out.code).toBe(expected));
  });
});
