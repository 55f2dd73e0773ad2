/**
 * Spec values that used to crash the generator or come out wrong (finding 8 of the hardening
 * issue; the located diagnostics for 1e400, deep nesting, Latin-1 and `module.exports` are cases of
 * the broken-spec corpus): control characters reach no generated file raw, `__proto__` stays a
 * data key, `$ref: '#'` and properties named like Object.prototype members are valid, and the
 * terminal never receives a raw escape sequence from a spec.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ts } from 'ts-morph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../generator/index.js';
import { formatDiagnostic } from '../generator/report/format.js';
import { removeDir, scratchDir, TWILIO_SPECS, writeFiles } from './support/workspace.js';

/** NUL, BEL, ESC (a terminal command), DEL, C1 controls (NEL, CSI) and a right-to-left override. */
const CONTROLS = 'a\u0000b\u0007c\u001b[31md\u007fe\u0085f\u009bg\u202eh';
/** What no generated file may hold raw (tab, line feed and carriage return aside; Markdown may quote U+2028/U+2029, which end no line there). */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const RAW_CONTROL_IN_MARKDOWN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const lit = (value: unknown) => JSON.stringify(value);

const capability = readFileSync(join(TWILIO_SPECS, 'capabilities/sms-outbound.ts'), 'utf8');

function integration(): string {
  return `import { defineIntegration } from 'contractgen/spec';
// A comment with raw controls, quoted in code frames: ${CONTROLS}
export const oddValues = defineIntegration({
  // Raw controls inside the declaration itself, in this comment and the domain string: ${CONTROLS}
  meta: { key: 'odd.values', version: '1.0.0', category: 'sms', title: ${lit(CONTROLS)}, description: ${lit(CONTROLS)}, domain: '${CONTROLS}\u2028', owners: [${lit(CONTROLS)}], tags: [${lit(CONTROLS)}], stability: 'beta' },
  supportedModes: ['byok'],
  capabilities: { provides: [{ key: 'sms.outbound', version: '1.0.0' }] },
  configSchema: {
    schema: {
      type: 'object',
      description: ${lit(CONTROLS)},
      properties: {
        ${lit(CONTROLS)}: { type: 'string', description: ${lit(CONTROLS)}, enum: [${lit(CONTROLS)}, 'plain'] },
        constructor: { type: 'string' },
        toString: { type: 'string' },
        __proto__: { type: 'object' },
        tree: { $ref: '#' },
        lists: { $ref: '#/definitions/list' },
      },
      definitions: { list: { type: 'array', items: { $ref: '#/definitions/list' } } },
    },
    example: { '__proto__': { polluted: true }, tree: { tree: {} } },
  },
  secretSchema: { schema: { type: 'object', properties: { key: { type: 'string', description: ${lit(CONTROLS)} } } }, example: { key: 'xxxx' } },
  healthCheck: { method: 'custom', timeoutMs: 1000 },
  docsUrl: ${lit(`https://example.com/${CONTROLS}`)},
  constraints: { quotas: { ${lit(CONTROLS)}: 5 } },
  byokSetup: { setupInstructions: ${lit(CONTROLS)}, requiredScopes: [${lit(CONTROLS)}] },
});
`;
}

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

describe('odd but valid spec values generate, and come out escaped', () => {
  let root: string;
  let result: GenerateResult;
  let files: { path: string; text: string }[];

  beforeAll(async () => {
    root = scratchDir('odd-values');
    scratch.push(root);
    writeFiles(root, { 'specs/capability.ts': capability, 'specs/integration.ts': integration() });
    result = await generate({ root, adapters: 'none' });
    const out = join(root, 'generated');
    files = readdirSync(out, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|md)$/.test(f))
      .map((f) => ({ path: f, text: readFileSync(join(out, f), 'utf8') }));
  });

  it('has no errors: `$ref: "#"` is valid, and an example without `constructor`/`toString` matches (no CG120, CG121)', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('writes no raw control character, line separator or bidi control into any .ts or .md file', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const { path, text } of files) expect((path.endsWith('.md') ? RAW_CONTROL_IN_MARKDOWN : RAW_CONTROL).exec(text)?.[0].charCodeAt(0).toString(16), path).toBeUndefined();
    const doc = files.find((f) => f.path.endsWith('integrations/odd.values.md'))!.text;
    // The Source Definition stays the exact source, with each raw control shown as its escape.
    expect(doc).toContain("domain: 'a\\u0000b\\u0007c\\u001b[31md\\u007fe\\u0085f\\u009bg\\u202eh\u2028'");
  });

  it('every generated .ts file still parses', () => {
    for (const { path, text } of files.filter((f) => f.path.endsWith('.ts'))) {
      const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      expect((source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics, path).toEqual([]);
    }
  });

  it('the spec constant keeps every string exactly, and `__proto__` as an own data key, not a prototype', async () => {
    const { oddValuesSpec } = await import(pathToFileURL(join(root, 'generated/integrations/odd.values/spec.ts')).href);
    expect(oddValuesSpec.meta.title).toBe(CONTROLS);
    const example = oddValuesSpec.configSchema.example;
    expect(Object.getPrototypeOf(example)).toBe(Object.prototype);
    expect(Object.hasOwn(example, '__proto__')).toBe(true);
    expect(example.polluted).toBeUndefined();
    expect(Object.keys(oddValuesSpec.configSchema.schema.properties)).toContain('__proto__');
  });

  it('the generated validator checks own fields only, and follows `$ref: "#"`', async () => {
    const { isOddValuesConfig } = await import(pathToFileURL(join(root, 'generated/integrations/odd.values/validators.ts')).href);
    expect(isOddValuesConfig({})).toBe(true);
    expect(isOddValuesConfig({ toString: 'text', constructor: 'text' })).toBe(true);
    expect(isOddValuesConfig({ toString: 1 })).toBe(false);
    expect(isOddValuesConfig({ tree: { tree: { tree: {} } } })).toBe(true);
    expect(isOddValuesConfig({ tree: { tree: { [CONTROLS]: 'not in the enum' } } })).toBe(false);
  });
});

describe('schemas the libraries cannot take are located diagnostics, not exceptions (found by the fuzzer)', () => {
  const checked = async (label: string, configSchema: string) => {
    const root = scratchDir(label);
    scratch.push(root);
    const spec = integration().replace(/configSchema: \{[\s\S]*?\n  \},\n  secretSchema/, `configSchema: ${configSchema},\n  secretSchema`);
    writeFiles(root, { 'specs/capability.ts': capability, 'specs/integration.ts': spec });
    const result = await generate({ root, adapters: 'none', mode: 'validate' });
    return { result, spec };
  };

  it('a key named hasOwnProperty (json-schema-to-typescript calls that method on every object)', async () => {
    const { result, spec } = await checked('has-own-property', "{ schema: { type: 'object', properties: { hasOwnProperty: { type: 'string' } } }, example: {} }");
    // Lines as TypeScript counts them: the raw U+2028 in the domain string starts one.
    const line = spec.split(/\n|\u2028/).findIndex((l) => l.includes('hasOwnProperty: {')) + 1;
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'CG120', line, message: expect.stringContaining('configSchema.schema.properties.hasOwnProperty is a key the type generator') })]);
  });

  it('`$ref: "#/"`, which ajv reads as the root and json-schema-to-typescript as the key ""', async () => {
    const { result } = await checked('empty-pointer', "{ schema: { type: 'object', properties: { self: { $ref: '#/' } } }, example: {} }");
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'CG120', message: expect.stringContaining('configSchema.schema.properties.self.$ref has an empty segment') })]);
  });

  it('enum objects with their own toString (ajv\'s deep-equal calls it)', async () => {
    const { result } = await checked('enum-to-string', "{ schema: { type: 'object', properties: { mode: { enum: [{ toString: 1 }, { toString: 2 }] } } }, example: {} }");
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'CG120', message: expect.stringContaining('configSchema.schema cannot be checked') })]);
  });
});

describe('input that reaches the terminal', () => {
  it('a spec string with an escape sequence is printed as visible \\u001b, never raw', async () => {
    const root = scratchDir('terminal');
    scratch.push(root);
    writeFiles(root, {
      'specs/capability.ts': capability,
      'specs/integration.ts': integration().replace("provides: [{ key: 'sms.outbound'", `provides: [{ key: ${lit('sms.\u001b]0;pwned\u0007outbound')}`),
    });
    const result = await generate({ root, adapters: 'none', mode: 'validate' });
    const unknown = result.diagnostics.find((d) => d.code === 'CG131')!;
    expect(unknown.message).toContain('\u001b');
    const printed = formatDiagnostic(unknown, { root, sourceText: result.sourceText });
    expect(printed).not.toMatch(RAW_CONTROL);
    expect(printed).toContain('sms.\\u001b]0;pwned\\u0007outbound');
    // The code frame shows the raw source line with the comment's controls escaped too, caret still under the column.
    const column = integration().split('\n')[1]!.indexOf('[31m') + 1;
    const frame = formatDiagnostic({ ...unknown, line: 2, column }, { root, sourceText: result.sourceText }).split('\n');
    const at = frame.findIndex((l) => l.startsWith('2 | '));
    expect(frame[at]).toContain('a\\u0000b\\u0007c\\u001b[31m');
    expect(frame[at + 1]!.indexOf('^')).toBe(frame[at]!.indexOf('[31m'));
  });

  it('code frames count lines as TypeScript does: a raw U+2028 or a lone CR starts a new line (found by the fuzzer)', async () => {
    const root = scratchDir('line-separators');
    scratch.push(root);
    const source = integration().replace("category: 'sms',", "category: 'sms' /* \u2028 */,\r").replace("healthCheck: { method: 'custom', timeoutMs: 1000 }", "healthCheck: { method: 'custom', timeoutMs: -1 }");
    writeFiles(root, { 'specs/capability.ts': capability, 'specs/integration.ts': source });
    const result = await generate({ root, adapters: 'none', mode: 'validate' });
    const negative = result.diagnostics.find((d) => d.code === 'CG116')!;
    const frame = formatDiagnostic(negative, { root, sourceText: result.sourceText }).split('\n');
    const at = frame.findIndex((l) => l.startsWith(`${negative.line} | `));
    expect(frame[at]).toContain('timeoutMs: -1');
    expect(frame[at + 1]!.indexOf('^')).toBe(frame[at]!.indexOf('timeoutMs: -1'));
  });

  it('a call to a function named like an Object.prototype member is not taken for a define call', async () => {
    const root = scratchDir('prototype-callee');
    scratch.push(root);
    writeFiles(root, { 'specs/capability.ts': capability, 'specs/other.ts': 'export const notASpec = toString({ meta: 1 });\nexport const alsoNot = constructor({});\n' });
    const result = await generate({ root, adapters: 'none', mode: 'validate' });
    expect(result.diagnostics).toEqual([]);
    expect(result.specs.map((s) => s.key)).toEqual(['sms.outbound']);
  });
});
