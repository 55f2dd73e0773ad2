/**
 * The static loader (`loadSpecs`): what it evaluates without running the spec, what it refuses,
 * and where it says each value came from. Spec files are written to test/.tmp/ (inside the repo,
 * so `contractgen/spec` resolves to runtime/spec like it does for real specs).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSpecs, type LoadResult } from '../generator/load/load.js';
import type { LoadedSpec } from '../generator/load/model.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const tmp = join(repo, 'test', '.tmp', `load-${process.pid}`);
let counter = 0;

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Project {
  readonly dir: string;
  readonly texts: Record<string, string>;
  path(name: string): string;
  /** 1-based line/column of the first occurrence of `needle` (after `after`, when given), computed from the text, not by the loader. */
  at(name: string, needle: string, after?: string): { file: string; line: number; column: number };
}

/** Writes `files` (paths relative to a fresh folder) and returns helpers to locate text in them. */
function project(files: Record<string, string>): Project {
  const dir = join(tmp, String(++counter));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return {
    dir,
    texts: files,
    path: (name) => join(dir, name),
    at(name, needle, after) {
      const text = files[name]!;
      const from = after === undefined ? 0 : text.indexOf(after);
      if (from < 0) throw new Error(`"${after}" not in ${name}`);
      const index = text.indexOf(needle, from);
      if (index < 0) throw new Error(`"${needle}" not in ${name}`);
      const lines = text.slice(0, index).split('\n');
      return { file: join(dir, name), line: lines.length, column: lines[lines.length - 1]!.length + 1 };
    },
  };
}

/** Loads the given entry files (default: every file named spec*.ts). */
function load(p: Project, entries = Object.keys(p.texts).filter((n) => /(^|\/)spec[^/]*\.ts$/.test(n))): LoadResult {
  return loadSpecs(entries.map((n) => p.path(n)));
}

/** Loads a project that must produce exactly one spec and no diagnostics. */
function loadOne(files: Record<string, string>): { spec: LoadedSpec; p: Project; result: LoadResult } {
  const p = project(files);
  const result = load(p);
  expect(result.diagnostics).toEqual([]);
  expect(result.specs).toHaveLength(1);
  return { spec: result.specs[0]!, p, result };
}

/** A spec file whose argument is `body` (the text between the parentheses). */
const integration = (body: string, prelude = '') =>
  `import { defineIntegration } from 'contractgen/spec';\n${prelude}\nexport const spec = defineIntegration(${body});\n`;

describe('literal values', () => {
  it('evaluates strings, numbers, booleans, null, arrays, nested objects and plain template literals', () => {
    const { spec } = loadOne({
      'spec.ts': integration(`{
  s: 'single', d: "double", t: \`template\`, escaped: 'it\\'s \\u00e9',
  n: 42, f: 1.5, hex: 0x1f, sep: 1_000, exp: 2e3,
  neg: -5, negFloat: -0.25, plus: +3, negHex: -0x10,
  yes: true, no: false, nothing: null,
  list: [1, 'two', [3, [4]], { five: 5 }], empty: [], emptyObject: {},
  nested: { a: { b: { c: 'deep' } } },
  'quoted-key': 1, 7: 'numeric key',
}`),
    });
    expect(spec.value).toEqual({
      s: 'single', d: 'double', t: 'template', escaped: "it's é",
      n: 42, f: 1.5, hex: 31, sep: 1000, exp: 2000,
      neg: -5, negFloat: -0.25, plus: 3, negHex: -16,
      yes: true, no: false, nothing: null,
      list: [1, 'two', [3, [4]], { five: 5 }], empty: [], emptyObject: {},
      nested: { a: { b: { c: 'deep' } } },
      'quoted-key': 1, '7': 'numeric key',
    });
    expect(spec.kind).toBe('integration');
    expect(spec.exportName).toBe('spec');
    expect(spec.file).toBe(join(tmp, String(counter), 'spec.ts'));
  });

  it('sees through `as const`, `satisfies`, parentheses, type assertions and `!`', () => {
    const { spec } = loadOne({
      'spec.ts': integration(
        `({
  a: 'x' as const,
  b: ({ c: (1) } satisfies Record<string, number>),
  d: (['y', 'z'] as const),
  e: <number>7,
  f: limits!,
} as const) satisfies object`,
        "type Limits = { rpm: number };\nconst limits = { rpm: 5 } as const satisfies Limits;",
      ),
    });
    expect(spec.value).toEqual({ a: 'x', b: { c: 1 }, d: ['y', 'z'], e: 7, f: { rpm: 5 } });
  });

  it('recognises a define call wrapped in `as`/`satisfies`/parentheses', () => {
    const { spec } = loadOne({
      'spec.ts': "import { defineCapability } from 'contractgen/spec';\nexport const cap = (defineCapability({ a: 1 }) as unknown) satisfies unknown;\n",
    });
    expect(spec.kind).toBe('capability');
    expect(spec.value).toEqual({ a: 1 });
  });
});

describe('enums', () => {
  it('resolves members of a local string enum and of a numeric enum with auto-increment', () => {
    const { spec } = loadOne({
      'spec.ts': integration(
        '{ stage: Stage.Beta, first: Level.Low, second: Level.Mid, jumped: Level.High, afterJump: Level.Higher, neg: Signed.Minus, next: Signed.Zero, alias: Level.Alias }',
        "enum Stage { Alpha = 'alpha', Beta = 'beta' }\nenum Level { Low, Mid, High = 10, Higher, Alias = Mid }\nconst enum Signed { Minus = -1, Zero }",
      ),
    });
    expect(spec.value).toEqual({ stage: 'beta', first: 0, second: 1, jumped: 10, afterJump: 11, neg: -1, next: 0, alias: 1 });
  });

  it('resolves an enum imported from another file, re-exported, and StabilityEnum from contractgen/spec', () => {
    const { spec } = loadOne({
      'enums.ts': "export enum Tier { Free = 'free', Paid = 'paid' }\n",
      'barrel.ts': "export { Tier as PlanTier } from './enums.js';\n",
      'spec.ts': integration(
        '{ stability: StabilityEnum.Beta, renamed: S.Deprecated, tier: Tier.Paid, viaBarrel: PlanTier.Free }',
        "import { StabilityEnum, StabilityEnum as S } from 'contractgen/spec';\nimport { Tier } from './enums.js';\nimport { PlanTier } from './barrel.js';",
      ),
    });
    expect(spec.value).toEqual({ stability: 'beta', renamed: 'deprecated', tier: 'paid', viaBarrel: 'free' });
  });

  it('reports an unknown member, and an enum used as a value, at the offending name', () => {
    const p = project({ 'spec.ts': integration('{\n  a: StabilityEnum.Stabel,\n  b: StabilityEnum,\n}', "import { StabilityEnum } from 'contractgen/spec';") });
    const { specs, diagnostics } = load(p);
    expect(specs).toEqual([]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'CG101', severity: 'error', message: expect.stringContaining('no static member "Stabel"'), ...p.at('spec.ts', 'Stabel') }),
      expect.objectContaining({ code: 'CG101', message: expect.stringContaining('an enum itself is not a value'), ...p.at('spec.ts', 'StabilityEnum,') }),
    ]);
  });
});

describe('const identifiers, spreads and imports', () => {
  it('resolves const identifiers (declared before or after use), chains of consts and shorthand properties', () => {
    const { spec } = loadOne({
      'spec.ts': integration('{ title, key: KEY, limits, early: LATE }', "const title = 'Twilio';\nconst KEY = ALIAS;\nconst ALIAS = 'sms.twilio';\nconst limits = { rpm: RPM };\nconst RPM = 200;\nconst LATE = [title];"),
    });
    expect(spec.value).toEqual({ title: 'Twilio', key: 'sms.twilio', limits: { rpm: 200 }, early: ['Twilio'] });
  });

  it('applies object spreads in order (later keys win) and array spreads in place', () => {
    const { spec } = loadOne({
      'spec.ts': integration(
        "{ ...base, b: 'own', ...tail, list: ['first', ...more, 'last'], nested: { ...base.inner, z: 26 } }",
        "const base = { a: 1, b: 'base', c: 'base', inner: { x: 24 } };\nconst tail = { c: 'tail' };\nconst more = ['m1', 'm2'];",
      ),
    });
    expect(spec.value).toEqual({ a: 1, b: 'own', c: 'tail', inner: { x: 24 }, list: ['first', 'm1', 'm2', 'last'], nested: { x: 24, z: 26 } });
  });

  it('follows named, renamed, re-exported (`export { x as y } from`, `export *`) and namespace imports', () => {
    const { spec, result, p } = loadOne({
      'shared/limits.ts': "export const limits = { rpm: 200 } as const;\nconst hidden = 'local';\nexport { hidden as exposed };\nexport const tags = ['sms'];\n",
      'shared/urls.ts': "export const docsUrl = 'https://example.com/docs';\nexport default docsUrl;\n",
      'shared/index.ts': "export * from './limits.js';\nexport { docsUrl as url, default as defaultUrl } from './urls.js';\n",
      'spec.ts': integration(
        '{ rateLimit: { ...limits }, tags: [...ns.tags, ...all.tags], exposed, url, defaultUrl, rpm: ns.limits.rpm, direct: direct.docsUrl }',
        [
          "import { limits, exposed } from './shared/limits.js';",
          "import * as ns from './shared/limits.js';",
          "import * as all from './shared/index.js';",
          "import { url, defaultUrl } from './shared/index.js';",
          "import * as direct from './shared/urls.js';",
        ].join('\n'),
      ),
    });
    expect(spec.value).toEqual({ rateLimit: { rpm: 200 }, tags: ['sms', 'sms'], exposed: 'local', url: 'https://example.com/docs', defaultUrl: 'https://example.com/docs', rpm: 200, direct: 'https://example.com/docs' });
    // Every file read is reported (for watch mode and caching).
    for (const file of ['shared/limits.ts', 'shared/urls.ts', 'shared/index.ts', 'spec.ts']) expect(result.files).toContain(p.path(file));
  });

  it('imports from a `.ts` specifier and from outside the specs folder', () => {
    const { spec } = loadOne({
      'shared/base.ts': "export const base = { owners: ['platform'] };\n",
      'specs/spec.ts': integration('{ ...base }', "import { base } from '../shared/base.ts';"),
    });
    expect(spec.value).toEqual({ owners: ['platform'] });
  });

  it('keeps `__proto__` as a plain data key, never a prototype (literal, quoted, shorthand and spread)', () => {
    const { spec: ok } = loadOne({
      'spec.ts': integration("{ a: { __proto__: { polluted: true } }, b: { '__proto__': [1] }, c: { ...holder }, d: { __proto__ } }", "const holder = { '__proto__': 'data' };\nconst __proto__ = { shorthand: true };"),
    });
    const value = ok.value as Record<string, Record<string, unknown>>;
    for (const key of ['a', 'b', 'c', 'd']) {
      expect(Object.getPrototypeOf(value[key])).toBe(Object.prototype);
      expect(Object.hasOwn(value[key]!, '__proto__')).toBe(true);
    }
    expect(Object.getOwnPropertyDescriptor(value.a, '__proto__')?.value).toEqual({ polluted: true });
    expect(Object.getOwnPropertyDescriptor(value.b, '__proto__')?.value).toEqual([1]);
    expect(Object.getOwnPropertyDescriptor(value.c, '__proto__')?.value).toBe('data');
    expect(Object.getOwnPropertyDescriptor(value.d, '__proto__')?.value).toEqual({ shorthand: true });
    expect((value.a as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('which calls are specs', () => {
  it('loads `export default defineIntegration(...)` under the export name "default"', () => {
    const { spec } = loadOne({ 'spec.ts': "import { defineIntegration } from 'contractgen/spec';\nexport default defineIntegration({ a: 1 });\n" });
    expect(spec.exportName).toBe('default');
    expect(spec.value).toEqual({ a: 1 });
  });

  it('loads a const exported later by an export clause or `export default name`', () => {
    const p = project({
      'spec-clause.ts': "import { defineIntegration } from 'contractgen/spec';\nconst spec = defineIntegration({ a: 1 });\nexport { spec };\n",
      'spec-renamed.ts': "import { defineIntegration } from 'contractgen/spec';\nconst local = defineIntegration({ b: 2 });\nexport { local as twilio };\n",
      'spec-default.ts': "import { defineCapability } from 'contractgen/spec';\nconst cap = defineCapability({ c: 3 });\nexport default cap;\n",
    });
    const { specs, diagnostics } = load(p);
    expect(diagnostics).toEqual([]);
    expect(specs.map((s) => [s.exportName, s.kind, s.value])).toEqual([
      ['spec', 'integration', { a: 1 }],
      ['twilio', 'integration', { b: 2 }],
      ['default', 'capability', { c: 3 }],
    ]);
  });

  it('warns (CG102) about a define call that is not exported, at the call, and does not load it', () => {
    const p = project({
      'spec.ts': "import { defineIntegration } from 'contractgen/spec';\nconst hidden = defineIntegration({ a: 1 });\ndefineIntegration({ b: 2 });\nexport const shown = defineIntegration({ c: 3 });\n",
    });
    const { specs, diagnostics } = load(p);
    expect(specs.map((s) => s.exportName)).toEqual(['shown']);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'CG102', severity: 'warning', message: 'defineIntegration(...) is not exported, so it is not generated', ...p.at('spec.ts', 'defineIntegration({ a: 1 })') }),
      expect.objectContaining({ code: 'CG102', severity: 'warning', ...p.at('spec.ts', 'defineIntegration({ b: 2 })') }),
    ]);
  });

  it('ignores files without define calls and type-only imports', () => {
    const p = project({ 'spec.ts': "import type { IntegrationSpec } from 'contractgen/spec';\nexport const notASpec: Partial<IntegrationSpec> = {};\n" });
    const { specs, diagnostics } = load(p);
    expect(specs).toEqual([]);
    expect(diagnostics).toEqual([]);
  });
});

describe('source', () => {
  it('is the exact text of the exported declaration (without leading comments)', () => {
    const declaration = "export const spec = defineIntegration({\n  meta: { key: 'a.b' }, // trailing comment kept\n  /* inner */ tags: ['x'],\n});";
    const text = `import { defineIntegration } from 'contractgen/spec';\n\n/** Docs comment. */\n${declaration}\n\nexport const other = 1;\n`;
    const { spec } = loadOne({ 'spec.ts': text });
    expect(spec.source).toBe(declaration);
  });

  it('covers an `export default` statement', () => {
    const statement = "export default defineCapability({ meta: { key: 'c' } }) satisfies unknown;";
    const { spec } = loadOne({ 'spec.ts': `import { defineCapability } from 'contractgen/spec';\n${statement}\n` });
    expect(spec.source).toBe(statement);
  });
});

describe('positionOf', () => {
  const files = {
    'shared.ts': [
      '// Shared across specs.',
      'export const constraints = {',
      '  rateLimit: {',
      '    rpm: 200,',
      '  },',
      '};',
      "export const owners = ['platform', 'messaging'];",
      '',
    ].join('\n'),
    'spec.ts': [
      "import { defineIntegration } from 'contractgen/spec';",
      "import { constraints, owners } from './shared.js';",
      '',
      "const configSchema = { schema: { type: 'object' }, example: { fromNumber: '+1555' } };",
      '',
      'export const spec = defineIntegration({',
      '  meta: {',
      "    key: 'sms.twilio',",
      "    title: 'Twilio',",
      "    tags: ['sms', 'messaging'],",
      '    owners: [...owners, "extra"],',
      '  },',
      '  constraints: { ...constraints },',
      '  imported: constraints,',
      '  configSchema,',
      '  secretSchema: { ...configSchema, example: {} },',
      '});',
      '',
    ].join('\n'),
  };

  it('points at the property of a nested value', () => {
    const { spec, p } = loadOne(files);
    expect(spec.positionOf(['meta', 'title'])).toEqual(p.at('spec.ts', "title: 'Twilio'"));
    expect(spec.positionOf(['meta', 'key'])).toEqual(p.at('spec.ts', "key: 'sms.twilio'"));
    expect(spec.positionOf(['meta'])).toEqual(p.at('spec.ts', 'meta: {'));
  });

  it('points at an array element', () => {
    const { spec, p } = loadOne(files);
    expect(spec.positionOf(['meta', 'tags', 1])).toEqual(p.at('spec.ts', "'messaging'", 'tags:'));
    expect(spec.positionOf(['meta', 'owners', 2])).toEqual(p.at('spec.ts', '"extra"'));
  });

  it('points into the other file for a value spread or referenced from an import', () => {
    const { spec, p } = loadOne(files);
    expect(spec.positionOf(['constraints', 'rateLimit', 'rpm'])).toEqual(p.at('shared.ts', 'rpm: 200'));
    expect(spec.positionOf(['constraints', 'rateLimit'])).toEqual(p.at('shared.ts', 'rateLimit: {'));
    expect(spec.positionOf(['imported', 'rateLimit', 'rpm'])).toEqual(p.at('shared.ts', 'rpm: 200'));
    expect(spec.positionOf(['meta', 'owners', 1])).toEqual(p.at('shared.ts', "'messaging'"));
  });

  it('points at the const declaration for a shorthand property', () => {
    const { spec, p } = loadOne(files);
    expect(spec.positionOf(['configSchema', 'example', 'fromNumber'])).toEqual(p.at('spec.ts', "fromNumber: '+1555'"));
  });

  it('falls back to the nearest recorded parent for a missing path, and to the argument for the root', () => {
    const { spec, p } = loadOne(files);
    expect(spec.positionOf(['meta', 'description'])).toEqual(p.at('spec.ts', 'meta: {'));
    expect(spec.positionOf(['meta', 'nope', 'deeper', 3])).toEqual(p.at('spec.ts', 'meta: {'));
    expect(spec.positionOf(['healthCheck', 'timeoutMs'])).toEqual(p.at('spec.ts', '{\n  meta'));
    expect(spec.positionOf([])).toEqual(p.at('spec.ts', '{\n  meta'));
  });

  it('forgets the positions of a spread value that a later key replaces', () => {
    const { spec, p } = loadOne(files);
    // secretSchema.example was replaced by `example: {}`: its missing fromNumber must not point at configSchema's.
    expect(spec.value).toMatchObject({ secretSchema: { example: {} } });
    expect(spec.positionOf(['secretSchema', 'example', 'fromNumber'])).toEqual(p.at('spec.ts', 'example: {}'));
    expect(spec.positionOf(['secretSchema', 'schema', 'type'])).toEqual(p.at('spec.ts', "type: 'object'"));
  });

  it('keeps positions right when the whole argument comes from a property access', () => {
    const { spec, p } = loadOne({
      'spec.ts': "import { defineIntegration } from 'contractgen/spec';\nconst variants = {\n  sms: {\n    meta: { key: 'sms.a' },\n  },\n};\nexport const spec = defineIntegration(variants.sms);\n",
    });
    expect(spec.positionOf(['meta', 'key'])).toEqual(p.at('spec.ts', "key: 'sms.a'"));
    expect(spec.positionOf(['meta'])).toEqual(p.at('spec.ts', 'meta: {'));
  });
});

describe('what is not static (CG101) and broken files (CG100)', () => {
  // `at`: the text the diagnostic must point at (first occurrence, or first after `after`), in `file` (default spec.ts).
  const cases: { name: string; prelude?: string; body: string; at: string; after?: string; message: string; extra?: Record<string, string>; file?: string }[] = [
    { name: 'a function call', body: "{ a: String('x') }", at: "String('x')", message: 'a function call (String(...)) is not a static value' },
    { name: 'a method call on a const', prelude: "const s = 'x';", body: '{ a: s.toUpperCase() }', at: 's.toUpperCase()', message: 'a function call' },
    { name: 'a template literal with a substitution', prelude: "const v = 'x';", body: '{ a: `v=${v}` }', at: '`v=${v}`', message: 'template literal with ${...} substitutions' },
    { name: 'a computed key', prelude: "const k = 'a';", body: '{ [k]: 1 }', at: '[k]', message: 'computed property name' },
    { name: 'a let variable', prelude: 'let v = 1;', body: '{ a: v }', at: 'v }', message: '"v" is not a const' },
    { name: 'a var variable via shorthand', prelude: 'var v = 1;', body: '{ v }', at: 'v }', message: '"v" is not a const' },
    { name: 'a method', body: '{ a() { return 1; } }', at: 'a() {', message: 'a function is not a static value' },
    { name: 'an arrow function', body: '{ a: () => 1 }', at: '() => 1', message: 'a function is not a static value' },
    { name: 'a getter', body: '{ get a() { return 1; } }', at: 'get a()', message: 'an accessor is not a static value' },
    { name: 'a function declaration', prelude: 'function f() {}', body: '{ a: f }', at: 'f }', message: '"f" is a function' },
    { name: 'an identifier that does not exist', body: '{ a: missing }', at: 'missing', message: 'cannot find "missing"' },
    { name: 'an unresolvable import', prelude: "import { v } from './nope.js';", body: '{ a: v }', at: 'v }', after: 'export const spec', message: 'module "./nope.js" could not be resolved' },
    { name: 'an import of a name the module does not export', prelude: "import { nope } from './other.js';", body: '{ a: nope }', at: 'nope }', after: 'export const spec', message: 'cannot find "nope"', extra: { 'other.ts': 'export const yes = 1;\n' } },
    { name: 'undefined', body: '{ a: undefined }', at: 'undefined', message: '`undefined` is not a value' },
    { name: 'a binary expression', body: '{ a: 1 + 2 }', at: '1 + 2', message: 'an expression (+)' },
    { name: 'a conditional', body: '{ a: true ? 1 : 2 }', at: 'true ?', message: 'a conditional expression' },
    { name: 'an element access', prelude: 'const l = [1];', body: '{ a: l[0] }', at: 'l[0]', message: 'an element access' },
    { name: 'a missing property of a const', prelude: 'const o = { b: 1 };', body: '{ a: o.c }', at: 'c }', message: '"c" is not a property of that value' },
    { name: 'a sign on a string', body: "{ a: -'1' }", at: "-'1'", message: 'a sign applies only to numbers' },
    { name: 'a const cycle', prelude: 'const a = { ...b };\nconst b = { ...a };', body: '{ x: a }', at: 'a };\n', message: '"a" refers to itself' },
    { name: 'a self-referencing const', prelude: 'const a: unknown[] = [a];', body: '{ x: a }', at: 'a];', message: '"a" refers to itself' },
    { name: 'a spread of a non-object', prelude: "const s = 'str';", body: '{ ...s }', at: '...s', message: 'only an object can be spread into an object' },
    { name: 'a spread of an array into an object', prelude: 'const l = [1];', body: '{ ...l }', at: '...l', message: 'only an object can be spread into an object' },
    { name: 'a spread of a non-array into an array', prelude: 'const o = { a: 1 };', body: '{ a: [...o] }', at: '...o', message: 'only an array can be spread into an array' },
    { name: 'an array hole', body: '{ a: [1, , 2] }', at: ', 2]', message: 'an array hole is not a value' },
    { name: 'a module namespace used as a value', prelude: "import * as ns from './other.js';", body: '{ a: ns }', at: 'ns }', message: 'a module namespace is not a value', extra: { 'other.ts': 'export const yes = 1;\n' } },
    { name: 'a default export that is not a named const', prelude: "import d from './other.js';", body: '{ a: d }', at: 'd }', message: 'a default export that is not a named constant', extra: { 'other.ts': 'export default { yes: 1 };\n' } },
    // A const that cannot be read as a whole is reported where the spec uses it, saying where it is:
    // at its declaration the diagnostic would point at code that is fine in itself (another spec).
    { name: 'a spread of a const whose value is a call', prelude: 'const base = Object.freeze({ a: 1 });', body: '{ ...base }', at: 'base }', message: '"base" (spec.ts:2) cannot be read statically: a function call (Object.freeze(...)) is not a static value' },
    { name: 'a const whose value is a call in parentheses, as a type', prelude: 'const base = (Object.freeze({ a: 1 })) as object;', body: '{ ...base }', at: 'base }', message: '"base" (spec.ts:2) cannot be read statically: a function call' },
    {
      name: 'a const from another file whose value is a call',
      prelude: "import { shared } from './shared.js';",
      body: '{ a: shared }',
      at: 'shared }',
      after: 'export const spec',
      message: '"shared" (shared.ts:2) cannot be read statically: a function call (makeShared(...))',
      extra: { 'shared.ts': 'import { makeShared } from "./make.js";\nexport const shared = makeShared();\n', 'make.ts': 'export function makeShared() { return {}; }\n' },
    },
    {
      name: 'a broken value inside an imported file',
      prelude: "import { shared } from './shared.js';",
      body: '{ a: shared }',
      at: 'Date.now()',
      file: 'shared.ts',
      message: 'a function call (Date.now(...))',
      extra: { 'shared.ts': '// shared\nexport const shared = {\n  when: Date.now(),\n};\n' },
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const p = project({ ...c.extra, 'spec.ts': integration(c.body, c.prelude) });
    const { specs, diagnostics } = load(p);
    expect(specs).toEqual([]);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'CG101', severity: 'error', message: expect.stringContaining(c.message), ...p.at(c.file ?? 'spec.ts', c.at, c.after) }),
    );
    expect(diagnostics.every((d) => d.code === 'CG101')).toBe(true);
  });

  it('a define call with no or two arguments', () => {
    const p = project({ 'spec.ts': "import { defineIntegration } from 'contractgen/spec';\nexport const a = defineIntegration();\nexport const b = defineIntegration({}, {});\n" });
    const { specs, diagnostics } = load(p);
    expect(specs).toEqual([]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'CG101', message: 'defineIntegration takes exactly one object literal', ...p.at('spec.ts', 'defineIntegration()') }),
      expect.objectContaining({ code: 'CG101', message: 'defineIntegration takes exactly one object literal', ...p.at('spec.ts', 'defineIntegration({}') }),
    ]);
  });

  it('reports every non-static property of an object, not only the first', () => {
    const p = project({ 'spec.ts': integration('{\n  a: f(),\n  b: 1,\n  c: g(),\n}') });
    const { diagnostics } = load(p);
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([
      [p.at('spec.ts', 'f()').line, p.at('spec.ts', 'f()').column],
      [p.at('spec.ts', 'g()').line, p.at('spec.ts', 'g()').column],
    ]);
  });

  it('reports a syntax error (CG100) at its position and loads nothing from that file', () => {
    const p = project({ 'spec.ts': integration("{\n  a: 'x'\n  b: 'y',\n}") });
    const { specs, diagnostics } = load(p);
    expect(specs).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'CG100', severity: 'error', message: "syntax error: ',' expected.", ...p.at('spec.ts', "b: 'y'") })]);
  });

  it('reports a syntax error in an imported file that is not itself a spec file', () => {
    const p = project({
      'shared/limits.ts': 'export const limits = {\n  rpm: 200\n  rph: 1,\n};\n',
      'specs/spec.ts': integration('{ limits }', "import { limits } from '../shared/limits.ts';"),
    });
    const { diagnostics } = load(p);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'CG100', severity: 'error', ...p.at('shared/limits.ts', 'rph: 1') }));
  });

  it('reports an unreadable spec file as CG100 without a position', () => {
    const p = project({});
    const { specs, diagnostics } = loadSpecs([p.path('missing.ts')]);
    expect(specs).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'CG100', severity: 'error', file: p.path('missing.ts'), message: expect.stringContaining('ENOENT') })]);
  });
});

describe('sourceText (for code frames)', () => {
  const TOKEN = 'q7Rk2VbX9mPz4LwT8nYc3HdJ6fGs1aQe';

  it('masks secret example strings with same-length stars, wherever they are written, and nothing else', () => {
    const p = project({
      'tokens.ts': `export const token = '${TOKEN}';\n`,
      'spec.ts': integration(
        `{
  configSchema: { example: { region: 'us-east-1' } },
  secretSchema: { example: { authToken: token, apiKey: 'sk_live_51H8sExampleExample', pin: '12' } },
}`,
        "import { token } from './tokens.js';",
      ),
    });
    const { specs, sourceText } = load(p);
    expect(specs).toHaveLength(1);
    const spec = sourceText(p.path('spec.ts'))!;
    const tokens = sourceText(p.path('tokens.ts'))!;
    expect(spec).not.toContain('sk_live_51H8sExampleExample');
    expect(spec).toContain("apiKey: '***************************'");
    expect(tokens).toBe(`export const token = '${'*'.repeat(TOKEN.length)}';\n`);
    // Same length, so every line and column of every diagnostic stays right.
    expect(spec.length).toBe(p.texts['spec.ts']!.length);
    expect(spec).toContain("region: 'us-east-1'");
    expect(spec).toContain("pin: '12'");
    // The docs' Source Definition is the real source.
    expect(specs[0]!.source).toContain('sk_live_51H8sExampleExample');
  });

  it('masks inline secret examples even when the spec does not load', () => {
    const p = project({ 'spec.ts': integration(`{\n  secretSchema: { example: { authToken: '${TOKEN}' } },\n  broken: f(),\n}`) });
    const { specs, diagnostics, sourceText } = load(p);
    expect(specs).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    expect(sourceText(p.path('spec.ts'))).not.toContain(TOKEN);
  });

  it('returns undefined for a file that was never read', () => {
    const { result, p } = loadOne({ 'spec.ts': integration('{ a: 1 }') });
    expect(result.sourceText(p.path('other.ts'))).toBeUndefined();
    expect(result.sourceText(p.path('spec.ts'))).toBe(p.texts['spec.ts']);
  });
});
