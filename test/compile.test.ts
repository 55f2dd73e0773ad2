import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../generator/index.js';
import { copyInto, REPO, removeDir, scratchDir, typecheckEach, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

describe('generated TypeScript compiles under tsc --strict', () => {
  let rich: GenerateResult;
  /** Every case compiled by one run of tsc (each start costs seconds), each with its own verdict. */
  let compiled: Record<'reference' | 'rich' | 'wrong', { ok: boolean; output: string }>;
  beforeAll(async () => {
    const root = scratchDir('rich');
    scratch.push(root);
    copyInto(join(REPO, 'test/fixtures/rich/specs'), join(root, 'specs'));
    rich = await generate({ root, adapters: 'no-adapters' });
    // Use the generated types the way an application would; a wrong type must be rejected.
    writeFiles(root, {
      'usage.ts': `import type { MailLobConfig } from './generated/integrations/mail.lob/types.js';
import type { MailOutboundSendLetterInput } from './generated/capabilities/mail.outbound/types.js';
import { isMailLobConfig } from './generated/integrations/mail.lob/validators.js';
const config: MailLobConfig = { environment: 'live', returnAddress: { line1: 'x' } };
const letter: MailOutboundSendLetterInput = { to: { line1: 'a', country: 'GB' }, pages: [{ html: '<p>' }, { pdfUrl: 'https://x' }], priority: 2, matrix: [[1]] };
const unknown: unknown = config;
if (isMailLobConfig(unknown)) { const env: 'test' | 'live' = unknown.environment; void env; }
void letter;
`,
      'wrong/wrong.ts': `import type { MailLobConfig } from '../generated/integrations/mail.lob/types.js';\nexport const c: MailLobConfig = { environment: 'staging' };\n`,
    });
    compiled = typecheckEach({
      reference: { folder: REPO, files: [...tsFiles(join(REPO, 'generated')), ...tsFiles(join(REPO, 'runtime'))] },
      rich: { folder: root, files: [...tsFiles(join(root, 'generated')), join(root, 'usage.ts')] },
      wrong: { folder: join(root, 'wrong'), files: [join(root, 'wrong/wrong.ts')] },
    });
  }, 120_000);

  it('for the reference specs, together with runtime/ and adapters/', () => {
    expect(compiled.reference.output).toBe('');
    expect(compiled.reference.ok).toBe(true);
  });

  it('for specs with nested objects, enums, arrays, $ref/definitions, oneOf, patterns and defaults', () => {
    expect(rich.diagnostics).toEqual([]);
    expect(rich.ok).toBe(true);
    expect(compiled.rich.output).toBe('');
    expect(compiled.wrong.ok).toBe(false);
    expect(compiled.wrong.output).toContain('wrong.ts');
  });
});
