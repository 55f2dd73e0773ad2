import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/index.js';
import { copyInto, REPO, TWILIO_SPECS, removeDir, scratchDir, snapshot, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

function project(): string {
  const root = scratchDir('write');
  scratch.push(root);
  copyInto(TWILIO_SPECS, join(root, 'specs'));
  return root;
}

describe('write: only what changed, only what we generated', () => {
  it('a second run writes nothing and keeps every mtime', async () => {
    const root = project();
    const first = await generate({ root, adapters: 'none' });
    expect(first.files.filter((f) => f.status === 'written').length).toBeGreaterThan(30);
    // A file replaced (the writer stages a file and renames it into place) is a new inode, whatever
    // the clock's granularity: no need to wait for the mtime to be able to move.
    const identities = () => Object.fromEntries(Object.keys(snapshot(join(root, 'generated'))).map((path) => [path, statSync(join(root, 'generated', path)).ino]));
    const before = { files: snapshot(join(root, 'generated')), inodes: identities() };
    const second = await generate({ root, adapters: 'none' });
    expect(second.files.filter((f) => f.status !== 'unchanged')).toEqual([]);
    expect({ files: snapshot(join(root, 'generated')), inodes: identities() }).toEqual(before);
  });

  it('rewrites only the files of a changed spec (plus registry, catalog and manifest when they change)', async () => {
    const root = project();
    await generate({ root, adapters: 'none' });
    const spec = join(root, 'specs/integrations/twilio-sms.ts');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace("title: 'Twilio Messaging'", "title: 'Twilio SMS'"));
    const result = await generate({ root, adapters: 'none' });
    const written = result.files.filter((f) => f.status === 'written').map((f) => f.path);
    expect(written.sort()).toEqual(['docs/catalog.json', 'docs/catalog.md', 'docs/integrations/sms.twilio.md', 'integrations/sms.twilio/client.ts', 'integrations/sms.twilio/spec.ts']);
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

describe('write: review regressions', () => {
  it('docs moved into a folder nested in the output are not deleted as stale by the old manifest', async () => {
    const root = project();
    await generate({ root, adapters: 'none' });
    const moved = await generate({ root, adapters: 'none', docsOut: 'generated/docs' });
    expect(moved.ok).toBe(true);
    expect(moved.files.filter((f) => f.status === 'removed')).toEqual([]);
    expect(existsSync(join(root, 'generated/docs/integrations/sms.twilio.md'))).toBe(true);
    const check = await generate({ root, adapters: 'none', docsOut: 'generated/docs', mode: 'check', cache: false });
    expect(check.ok).toBe(true);
  });

  it('docs moved out of the output folder to a folder of their own: the new pages are written, the old ones removed', async () => {
    const root = project();
    await generate({ root, adapters: 'none' });
    const page = readFileSync(join(root, 'generated/docs/integrations/sms.twilio.md'), 'utf8');
    // The old page and the new one have the same reported path (docs/...): each must be found where it is.
    const moved = await generate({ root, adapters: 'none', docsOut: 'docs' });
    expect(moved.ok).toBe(true);
    expect(readFileSync(join(root, 'docs/integrations/sms.twilio.md'), 'utf8')).toBe(page);
    expect(existsSync(join(root, 'generated/docs'))).toBe(false);
    expect((await generate({ root, adapters: 'none', docsOut: 'docs', mode: 'check', cache: false })).ok).toBe(true);
  });

  it("never replaces another tool's @generated file", async () => {
    const root = project();
    writeFiles(join(root, 'generated'), { 'index.ts': '// @generated by protoc-gen-ts. DO NOT EDIT.\nexport {};\n' });
    const result = await generate({ root, adapters: 'none' });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'CG301' }));
    expect(readFileSync(join(root, 'generated/index.ts'), 'utf8')).toContain('protoc-gen-ts');
  });

  it('check sees an edit that keeps size and mtime (the cache verifies contents)', async () => {
    const root = project();
    await generate({ root, adapters: 'none' });
    expect((await generate({ root, adapters: 'none', mode: 'check' })).ok).toBe(true);
    const file = join(root, 'generated/integrations/sms.twilio/types.ts');
    const before = statSync(file);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('fromNumber', 'fromNumbeR'));
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).size).toBe(before.size);
    const check = await generate({ root, adapters: 'none', mode: 'check' });
    expect(check.ok).toBe(false);
    expect(check.files).toContainEqual({ path: 'integrations/sms.twilio/types.ts', status: 'drifted' });
  });

  it('a credential-looking secret example is masked in the docs source block and the spec constant', async () => {
    const root = project();
    const token = 'e3b0c44298fc1c149afbf4c8996fb924';
    const spec = join(root, 'specs/integrations/twilio-sms.ts');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace("authToken: 'auth-token'", `authToken: '${token}'`));
    const result = await generate({ root, adapters: 'none' });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'CG123', severity: 'warning' }));
    for (const file of ['generated/docs/integrations/sms.twilio.md', 'generated/integrations/sms.twilio/spec.ts']) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toContain(token);
      expect(text, file).toContain('*'.repeat(token.length));
    }
  });
});
