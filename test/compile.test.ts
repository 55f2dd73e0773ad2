import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/index.js';
import { copyInto, REPO, removeDir, scratchDir, typecheck } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

describe('generated TypeScript compiles under tsc --strict', () => {
  it('for the reference specs, together with runtime/ and adapters/', () => {
    const result = typecheck([...tsFiles(join(REPO, 'generated')), ...tsFiles(join(REPO, 'runtime'))]);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('for specs with nested objects, enums, arrays, $ref/definitions, oneOf, patterns and defaults', async () => {
    const root = scratchDir('rich');
    scratch.push(root);
    copyInto(join(REPO, 'test/fixtures/rich/specs'), join(root, 'specs'));
    const result = await generate({ root, adapters: 'no-adapters' });
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    // Use the generated types the way an application would; a wrong type must be rejected.
    writeFileSync(
      join(root, 'usage.ts'),
      `import type { MailLobConfig } from './generated/integrations/mail.lob/types.js';
import type { MailOutboundSendLetterInput } from './generated/capabilities/mail.outbound/types.js';
import { isMailLobConfig } from './generated/integrations/mail.lob/validators.js';
const config: MailLobConfig = { environment: 'live', returnAddress: { line1: 'x' } };
const letter: MailOutboundSendLetterInput = { to: { line1: 'a', country: 'GB' }, pages: [{ html: '<p>' }, { pdfUrl: 'https://x' }], priority: 2, matrix: [[1]] };
const unknown: unknown = config;
if (isMailLobConfig(unknown)) { const env: 'test' | 'live' = unknown.environment; void env; }
void letter;
`,
    );
    const ok = typecheck([...tsFiles(join(root, 'generated')), join(root, 'usage.ts')]);
    expect(ok.output).toBe('');
    writeFileSync(join(root, 'wrong.ts'), `import type { MailLobConfig } from './generated/integrations/mail.lob/types.js';\nexport const c: MailLobConfig = { environment: 'staging' };\n`);
    const wrong = typecheck([join(root, 'wrong.ts')]);
    expect(wrong.ok).toBe(false);
    expect(wrong.output).toContain('wrong.ts');
  });
});
