import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/index.js';
import { copyInto, REPO, removeDir, scratchDir, snapshot, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

function project(): string {
  const root = scratchDir('write');
  scratch.push(root);
  copyInto(join(REPO, 'specs'), join(root, 'specs'));
  return root;
}

describe('write: only what changed, only what we generated', () => {
  it('a second run writes nothing and keeps every mtime', async () => {
    const root = project();
    const first = await generate({ root, adapters: 'none' });
    expect(first.files.filter((f) => f.status === 'written').length).toBeGreaterThan(30);
    const before = snapshot(join(root, 'generated'));
    await new Promise((r) => setTimeout(r, 20));
    const second = await generate({ root, adapters: 'none' });
    expect(second.files.filter((f) => f.status !== 'unchanged')).toEqual([]);
    expect(snapshot(join(root, 'generated'))).toEqual(before);
  });

  it('rewrites only the files of a changed spec (plus registry, catalog and manifest when they change)', async () => {
    const root = project();
    await generate({ root, adapters: 'none' });
    const spec = join(root, 'specs/integrations/twilio-sms.ts');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace("title: 'Twilio Messaging'", "title: 'Twilio SMS'"));
    const result = await generate({ root, adapters: 'none' });
    const written = result.files.filter((f) => f.status === 'written').map((f) => f.path);
    expect(written.sort()).toEqual(['docs/catalog.md', 'docs/integrations/sms.twilio.md', 'integrations/sms.twilio/client.ts', 'integrations/sms.twilio/spec.ts']);
  });

  it('never deletes a file placed by hand, and removes the files of a deleted spec', async () => {
    const root = project();
    await generate({ root, adapters: 'none' });
    writeFiles(join(root, 'generated'), { 'NOTES.md': 'mine', 'integrations/sms.twilio/custom.ts': 'export const mine = 1;\n' });
    rmSync(join(root, 'specs/integrations/twilio-sms.ts'));
    const result = await generate({ root, adapters: 'none' });
    expect(result.ok).toBe(true);
    const removed = result.files.filter((f) => f.status === 'removed').map((f) => f.path);
    expect(removed).toContain('integrations/sms.twilio/types.ts');
    expect(removed).toContain('docs/integrations/sms.twilio.md');
    expect(existsSync(join(root, 'generated/integrations/sms.twilio/types.ts'))).toBe(false);
    expect(existsSync(join(root, 'generated/docs/integrations/sms.twilio.md'))).toBe(false);
    expect(readFileSync(join(root, 'generated/NOTES.md'), 'utf8')).toBe('mine');
    expect(readFileSync(join(root, 'generated/integrations/sms.twilio/custom.ts'), 'utf8')).toBe('export const mine = 1;\n');
    expect(readFileSync(join(root, 'generated/index.ts'), 'utf8')).not.toContain('sms.twilio');
  });

  it('refuses to overwrite a file it did not generate, and then writes nothing', async () => {
    const root = project();
    writeFiles(join(root, 'generated'), { 'index.ts': 'export const handWritten = true;\n' });
    const result = await generate({ root, adapters: 'none' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'CG301', file: join(root, 'generated/index.ts') }));
    expect(Object.keys(snapshot(join(root, 'generated')))).toEqual(['index.ts']);
  });

  it('ignores a corrupt manifest without deleting anything', async () => {
    const root = project();
    await generate({ root, adapters: 'none' });
    writeFileSync(join(root, 'generated/.contractgen-manifest.json'), '{ not json');
    rmSync(join(root, 'specs/integrations/twilio-sms.ts'));
    const result = await generate({ root, adapters: 'none' });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'CG302', severity: 'warning' }));
    expect(existsSync(join(root, 'generated/integrations/sms.twilio/types.ts'))).toBe(true);
  });

  it('leaves no temp files behind', async () => {
    const root = project();
    await generate({ root, adapters: 'none' });
    expect(Object.keys(snapshot(join(root, 'generated'))).filter((p) => p.endsWith('.tmp'))).toEqual([]);
    expect(statSync(join(root, 'generated/.contractgen-manifest.json')).isFile()).toBe(true);
  });
});
