/**
 * Masking by value, whatever the spelling (finding 7 of issue 16), and bounded code frames. A
 * secret example written with escapes, as a template literal, split into concatenated pieces or
 * behind constants in another file is masked in every code frame (CG123's and any other) and in the
 * docs page's Source Definition: the mask covers each literal's source text, not only the decoded
 * value. A code frame shows at most ~200 characters of a line, so a 1 MB line prints a short warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/index.js';
import { formatDiagnostic } from '../generator/report/format.js';
import { integrationSource, specProject } from './support/spec-sources.js';
import { removeDir, runCli } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

/** A random-looking token (CG123: "looks like a random token") and a Twilio API key SID. */
const TOKEN = 'Zt8LqW3xVb7Np2RkYc9HdJ6fGs1aQeM4';
const API_KEY = `SK9f${'0123456789abcdef'.repeat(2).slice(0, 28)}`;

/** `text` with one character written as an escape: what a search for the decoded value misses. */
const escaped = (text: string, at: number, escape: (c: string) => string) => `${text.slice(0, at)}${escape(text[at]!)}${text.slice(at + 1)}`;
const hex = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
const unicode = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

function integration(secretExample: string, preamble = ''): string {
  const schema = "{ type: 'object', properties: { authToken: { type: 'string' }, apiKey: { type: 'string' } } }";
  return integrationSource({ key: 'sms.spelled', secretSchema: `{ schema: ${schema}, example: ${secretExample} }`, preamble });
}

const project = (files: Record<string, string>) => specProject('spellings', scratch, files);

/** Every way a piece of the secret could show: decoded, and each piece as written. */
function expectNowhere(text: string, pieces: readonly string[]) {
  for (const piece of [TOKEN, API_KEY, ...pieces]) expect(text.includes(piece), `${piece} in:\n${text.slice(0, 2000)}`).toBe(false);
}

/** The human report of a run: every diagnostic with its code frame, as the CLI prints it. */
async function report(root: string, mode: 'write' | 'validate' = 'write') {
  const result = await generate({ root, mode });
  return { result, printed: result.diagnostics.map((d) => formatDiagnostic(d, { root, sourceText: result.sourceText })).join('\n') };
}

describe('a secret example spelled with escapes', () => {
  const spellings: [string, string, string[]][] = [
    ['a template literal with a \\x escape', `{ authToken: \`${escaped(TOKEN, 10, hex)}\` }`, [escaped(TOKEN, 10, hex)]],
    ["a string with a \\u escape", `{ apiKey: '${escaped(API_KEY, 6, unicode)}' }`, [escaped(API_KEY, 6, unicode)]],
    ['a string with a \\u{...} escape and a line continuation', `{ authToken: '${TOKEN.slice(0, 12)}\\u{${TOKEN.charCodeAt(12).toString(16)}}${TOKEN.slice(13, 20)}\\\n${TOKEN.slice(20)}' }`, [TOKEN.slice(0, 12), TOKEN.slice(13, 20), TOKEN.slice(20)]],
  ];
  for (const [what, example, pieces] of spellings) {
    it(`as ${what}: masked in CG123's code frame and in the docs' Source Definition`, async () => {
      const root = project({ 'specs/integrations/spelled.ts': integration(example) });
      const { result, printed } = await report(root);
      expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'CG123', severity: 'warning' }));
      expect(printed).toContain('|');
      expectNowhere(printed, pieces);
      const docs = readFileSync(join(root, 'generated/docs/integrations/sms.spelled.md'), 'utf8');
      expect(docs).toContain('```typescript');
      expectNowhere(docs, pieces);
      expectNowhere(readFileSync(join(root, 'generated/integrations/sms.spelled/spec.ts'), 'utf8'), pieces);
    });
  }
});

describe('a secret example made of pieces', () => {
  it('concatenated inline (not static: CG101), a piece with an escape: each piece is masked in the frame as written', async () => {
    const pieces = [TOKEN.slice(0, 11), TOKEN.slice(11, 22), TOKEN.slice(22)];
    const middle = escaped(pieces[1]!, 2, hex);
    const root = project({ 'specs/integrations/spelled.ts': integration(`{ authToken: '${pieces[0]}' + "${middle}" + \`${pieces[2]}\` }`) });
    const { result, printed } = await report(root, 'validate');
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'CG101' }));
    expectNowhere(printed, [...pieces, middle]);
  });

  it('behind constants in another file, spelled with escapes: masked in a frame of that file', async () => {
    const written = escaped(TOKEN, 3, hex);
    const root = project({
      // The second constant holds a value that is not static: its CG101 frame shows the line above it, where the token is.
      'specs/shared/tokens.ts': `export const TOKEN = '${written}';\nexport const REGION = { name: region() };\n`,
      'specs/integrations/spelled.ts': integration(`{ authToken: TOKEN, apiKey: REGION }`, "import { TOKEN, REGION } from '../shared/tokens.js';"),
    });
    const { result, printed } = await report(root, 'validate');
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'CG101', file: join(root, 'specs/shared/tokens.ts'), line: 2 }));
    expect(printed).toContain('export const TOKEN');
    expectNowhere(printed, [written]);
  });

  it('through a spread and a template literal split over lines', async () => {
    const root = project({
      'specs/integrations/spelled.ts': integration(`{ ...BASE }`, `const BASE = { authToken: \`${TOKEN.slice(0, 16)}\n${TOKEN.slice(16)}\`, bad: nope() };`),
    });
    const { printed } = await report(root, 'validate');
    expect(printed).toContain('CG101');
    expectNowhere(printed, [TOKEN.slice(0, 16), TOKEN.slice(16)]);
  });
});

describe('code frames', () => {
  it('show at most ~200 characters around the column: a 1 MB line gives a short warning (real CLI)', () => {
    const huge = 'q7Rk2VbX9mPz4LwT8nYc'.repeat(1 << 16);
    const root = project({ 'specs/integrations/spelled.ts': integration(`{ authToken: 'q${huge}' }`) });
    const cli = runCli(['validate'], root);
    expect(cli.code, cli.stderr.slice(0, 500)).toBe(0);
    expect(cli.stderr).toContain('warning CG123');
    expect(cli.stderr.length).toBeLessThan(3_000);
    // The caret still points at the column, inside the window shown.
    const lines = cli.stderr.split('\n');
    const caret = lines.findIndex((line) => /^\s*\|\s*\^$/.test(line));
    expect(caret).toBeGreaterThan(0);
    expect(lines[caret - 1]!.length).toBeLessThan(260);
  });
});
