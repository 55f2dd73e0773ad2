/**
 * The build cache (node_modules/.cache/contractgen) may only ever save work. After each kind of
 * change to an input, a run that reuses the cache ends exactly like a run from scratch on a copy
 * of the project (test/support/from-scratch.ts), and says what the change means (a spec written
 * into an empty file is missing from the output, for `check`). A cache that fails its digest or
 * shape check is ignored. Every test has a project of its own (test/incremental/: the small
 * project the property test edits at random, test/incremental.test.ts).
 */
import { readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha1 } from '../generator/values.js';
import { generate, type GenerateMode } from '../generator/index.js';
import { applyEdit, type Edit } from './incremental/edits.js';
import { createProject } from './incremental/sequence.js';
import { limitsSource, specSource } from './incremental/sources.js';
import { cachedAndFromScratch, type Outcome } from './support/from-scratch.js';
import { removeDir, scratchDir } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

/** The small project (a warm cache after one run that writes), with `before` applied first. */
async function warmProject(before: readonly Edit[] = []): Promise<{ root: string; run: (mode: GenerateMode) => Promise<Outcome> }> {
  const dir = scratchDir('cache');
  scratch.push(dir);
  const root = createProject(join(dir, 'project'));
  for (const edit of before) applyEdit(root, edit);
  let copies = 0;
  /** One run with the cache, held to a run from scratch on a copy: returns the cached run's outcome. */
  const run = async (mode: GenerateMode) => {
    const { cached, fromScratch } = await cachedAndFromScratch(root, join(dir, `copy-${copies++}`), mode);
    expect(cached).toEqual(fromScratch);
    return cached;
  };
  // The first run (from an empty cache) is held to a run from scratch by the property test.
  const first = await generate({ root, mode: 'write' });
  expect(first.ok, JSON.stringify(first.diagnostics)).toBe(true);
  return { root, run };
}

/** The files of `outcome` with `status`, by path. */
const withStatus = (outcome: Outcome, status: string) => outcome.files.filter((f) => f.status === status).map((f) => f.path);
/** The codes of the errors `outcome` printed, each once. */
const errorCodes = (outcome: Outcome) => [...new Set(outcome.printed.map((text) => / - error (CG\d+):/.exec(text.split('\n')[0]!)?.[1]).filter((code) => code !== undefined))];

const ALPHA = { kind: 'integration', key: 'sms.alpha', title: 'Alpha', provides: 'msg.send', version: '1.0.0', importsLimits: true, liveLookingSecret: false } as const;
const GAMMA = { kind: 'integration', key: 'sms.gamma', title: 'Gamma', provides: 'msg.send', version: '1.0.0', importsLimits: false, liveLookingSecret: false } as const;

describe('after each kind of change, a cached run ends like a run from scratch', () => {
  it('empty file -> spec: check reports the new spec\'s files missing, generate writes them (the file had no define call when cached)', async () => {
    const { root, run } = await warmProject();
    applyEdit(root, { op: 'write', slot: 'specs/integrations/gamma.ts', content: GAMMA });
    const check = await run('check');
    expect(check.ok).toBe(false);
    expect(check.files).toContainEqual({ path: 'integrations/sms.gamma/client.ts', status: 'missing' });
    expect((await run('validate')).specs).toContainEqual(expect.stringMatching(/^integration sms\.gamma@1\.0\.0 /));
    expect(withStatus(await run('write'), 'written')).toContain('integrations/sms.gamma/client.ts');
  });

  it('a file read only as an import becomes a listed spec file with the same bytes: its specs are generated', async () => {
    // limits.ts, in a folder that is a package of its own (not listed), is imported by alpha and also
    // defines gamma; without the package.json it is listed, unchanged: the cache knows its bytes but
    // never looked at it as a spec file.
    const { root, run } = await warmProject();
    writeFileSync(join(root, 'specs/shared/package.json'), '{}\n');
    writeFileSync(join(root, 'specs/shared/limits.ts'), `${limitsSource({ rpm: 60, owner: 'platform.messaging' })}\n${specSource(GAMMA)}`);
    expect(withStatus(await run('write'), 'written')).not.toContain('integrations/sms.gamma/client.ts');
    rmSync(join(root, 'specs/shared/package.json'));
    expect(withStatus(await run('write'), 'written')).toContain('integrations/sms.gamma/client.ts');
  });

  it('spec -> empty file: check reports its files stale, generate removes them', async () => {
    const { root, run } = await warmProject();
    applyEdit(root, { op: 'write', slot: 'specs/integrations/beta.ts', content: { kind: 'empty' } });
    const check = await run('check');
    expect(check.files).toContainEqual({ path: 'integrations/sms.beta/client.ts', status: 'stale' });
    expect(withStatus(await run('write'), 'removed')).toContain('integrations/sms.beta/client.ts');
  });

  it('a file that is not a spec (helpers) -> a spec, and back', async () => {
    const { root, run } = await warmProject([{ op: 'write', slot: 'specs/other/extra.ts', content: { kind: 'not a spec' } }]);
    applyEdit(root, { op: 'write', slot: 'specs/other/extra.ts', content: GAMMA });
    expect((await run('check')).ok).toBe(false);
    expect(withStatus(await run('write'), 'written')).toContain('integrations/sms.gamma/spec.ts');
    applyEdit(root, { op: 'write', slot: 'specs/other/extra.ts', content: { kind: 'not a spec' } });
    expect(withStatus(await run('write'), 'removed')).toContain('integrations/sms.gamma/spec.ts');
  });

  it('spec -> broken (syntax error, or a value that is not static): validate and check report it at the file', async () => {
    const { root, run } = await warmProject();
    applyEdit(root, { op: 'write', slot: 'specs/integrations/alpha.ts', content: { kind: 'broken' } });
    expect(errorCodes(await run('validate'))).toEqual(['CG100']);
    expect(errorCodes(await run('check'))).toEqual(['CG100']);
    applyEdit(root, { op: 'write', slot: 'specs/integrations/alpha.ts', content: { kind: 'not static' } });
    expect(errorCodes(await run('write'))).toContain('CG101');
  });

  it('empty file -> broken spec: validate reports it (a file cached as "no spec" is read again)', async () => {
    const { root, run } = await warmProject();
    applyEdit(root, { op: 'write', slot: 'specs/integrations/gamma.ts', content: { kind: 'broken' } });
    expect(errorCodes(await run('validate'))).toEqual(['CG100']);
  });

  it('an integration file becomes a capability file, and a capability file an integration file', async () => {
    const { root, run } = await warmProject();
    applyEdit(root, { op: 'write', slot: 'specs/integrations/beta.ts', content: { kind: 'capability', key: 'msg.track', version: '1.0.0', operation: 'send' } });
    applyEdit(root, { op: 'write', slot: 'specs/capabilities/track.ts', content: { ...GAMMA, key: 'sms.beta', provides: 'msg.track' } });
    const check = await run('check');
    expect(check.ok).toBe(false);
    expect(check.files).toContainEqual({ path: 'capabilities/msg.track/types.ts', status: 'drifted' });
    await run('write');
  });

  it('a spec file with a define call of each kind, then one kind removed', async () => {
    const { root, run } = await warmProject([{ op: 'write', slot: 'specs/capabilities/track.ts', content: { kind: 'empty' } }, { op: 'write', slot: 'specs/integrations/beta.ts', content: { kind: 'empty' } }]);
    applyEdit(root, { op: 'write', slot: 'specs/integrations/gamma.ts', content: { kind: 'both', key: 'sms.gamma', capability: 'msg.track' } });
    expect(withStatus(await run('write'), 'written')).toEqual(expect.arrayContaining(['capabilities/msg.track/types.ts', 'integrations/sms.gamma/types.ts']));
    applyEdit(root, { op: 'write', slot: 'specs/integrations/gamma.ts', content: { kind: 'capability', key: 'msg.track', version: '1.0.0', operation: 'send' } });
    expect(withStatus(await run('write'), 'removed')).toContain('integrations/sms.gamma/types.ts');
  });

  it('a module a spec imports (not a spec itself) changes: the spec is made again', async () => {
    const { root, run } = await warmProject();
    applyEdit(root, { op: 'limits', limits: { rpm: 600, owner: 'team.sms' } });
    const check = await run('check');
    expect(check.files).toContainEqual({ path: 'integrations/sms.alpha/spec.ts', status: 'drifted' });
    await run('write');
  });

  it('a file appears where an import resolves first (limits.ts beside limits/index.ts): the spec is made again from it', async () => {
    const { root, run } = await warmProject([{ op: 'move limits', place: 'index' }]);
    applyEdit(root, { op: 'move limits', place: 'both' });
    const check = await run('check');
    expect(check.files).toContainEqual({ path: 'integrations/sms.alpha/spec.ts', status: 'drifted' });
    await run('write');
    // And gone again: the import resolves to limits/index.ts once more.
    rmSync(join(root, 'specs/shared/limits.ts'));
    expect(withStatus(await run('write'), 'written')).toContain('integrations/sms.alpha/spec.ts');
  });

  it('a spec file renamed, or deleted', async () => {
    const { root, run } = await warmProject();
    applyEdit(root, { op: 'rename', from: 'specs/integrations/alpha.ts', to: 'specs/other/extra.ts' });
    const renamed = await run('write');
    expect(renamed.ok).toBe(true);
    expect(withStatus(renamed, 'written')).toContain('integrations/sms.alpha/client.ts');
    applyEdit(root, { op: 'delete', slot: 'specs/other/extra.ts' });
    const deleted = await run('write');
    expect(withStatus(deleted, 'removed')).toContain('integrations/sms.alpha/client.ts');
    expect(deleted.printed).toContainEqual(expect.stringMatching(/^adapters\/alpha\.ts:\d+:\d+ - warning CG142: .*unknown integration "sms\.alpha"/));
  });

  it('a config change (docs switched off, docs moved, an empty project allowed)', async () => {
    const { root, run } = await warmProject();
    applyEdit(root, { op: 'config', config: { docs: false, docsOut: false, templates: false, allowEmpty: false } });
    expect(withStatus(await run('write'), 'removed')).toContain('docs/catalog.md');
    applyEdit(root, { op: 'config', config: { docs: true, docsOut: true, templates: false, allowEmpty: true } });
    expect(withStatus(await run('write'), 'written')).toContain('docs/catalog.md');
  });

  it('a template override added, changed, broken and removed', async () => {
    const { root, run } = await warmProject([{ op: 'config', config: { docs: true, docsOut: false, templates: true, allowEmpty: false } }]);
    applyEdit(root, { op: 'template', content: { kind: 'heading', heading: 'Catalog' } });
    expect((await run('check')).files).toContainEqual({ path: 'docs/catalog.md', status: 'drifted' });
    await run('write');
    applyEdit(root, { op: 'template', content: { kind: 'heading', heading: 'Providers' } });
    expect(withStatus(await run('write'), 'written')).toEqual(['docs/catalog.md']);
    applyEdit(root, { op: 'template', content: { kind: 'broken' } });
    expect(errorCodes(await run('write'))).toEqual(['CG201']);
    applyEdit(root, { op: 'template', content: null });
    expect(withStatus(await run('write'), 'written')).toEqual(['docs/catalog.md']);
  });

  it('a dangling symlink put in the overrides folder, then taken out with a template changed', async () => {
    const { root, run } = await warmProject([{ op: 'config', config: { docs: true, docsOut: false, templates: true, allowEmpty: false } }]);
    applyEdit(root, { op: 'template', content: { kind: 'heading', heading: 'Catalog' } });
    await run('write');
    // A link to nothing is no file, but the run refuses it like any symlink among the templates: the
    // cache's fingerprint must see it too, or a run answers from the cache as if it were not there.
    const link = join(root, 'templates/docs/dangling.hbs');
    symlinkSync(join(root, 'nowhere.hbs'), link);
    expect((await run('write')).ok).toBe(false);
    rmSync(link);
    applyEdit(root, { op: 'template', content: { kind: 'heading', heading: 'Providers' } });
    expect(withStatus(await run('write'), 'written')).toEqual(['docs/catalog.md']);
  });

  it('an adapter file changed, removed and added', async () => {
    const { root, run } = await warmProject();
    applyEdit(root, { op: 'adapter', content: { kind: 'binds', key: 'sms.beta' } });
    expect(withStatus(await run('write'), 'written')).toEqual(expect.arrayContaining(['integrations/sms.alpha/client.ts', 'integrations/sms.beta/client.ts']));
    applyEdit(root, { op: 'adapter', content: null });
    expect(withStatus(await run('write'), 'written')).toContain('integrations/sms.beta/client.ts');
    applyEdit(root, { op: 'adapter', content: { kind: 'no key' } });
    expect(errorCodes(await run('write'))).toEqual(['CG140']);
  });

  it('a spec file written again with the same bytes: nothing written, nothing parsed', async () => {
    const { root, run } = await warmProject();
    applyEdit(root, { op: 'touch', slot: 'specs/integrations/alpha.ts' });
    const again = await run('write');
    expect(withStatus(again, 'unchanged').length).toBe(again.files.length);
  });

  it('a generated file edited or deleted by hand: check names it, generate puts it back', async () => {
    const { root, run } = await warmProject();
    writeFileSync(join(root, 'generated/index.ts'), `${readFileSync(join(root, 'generated/index.ts'), 'utf8')}// edited\n`);
    expect((await run('check')).files).toContainEqual({ path: 'index.ts', status: 'drifted' });
    expect(withStatus(await run('write'), 'written')).toEqual(['index.ts']);
  });

  it('reports a reused spec at the same positions, code frame included, as when it was parsed', async () => {
    // beta.ts holds a live-looking secret (a CG123 warning); alpha changes, beta comes from the cache.
    const { root, run } = await warmProject();
    applyEdit(root, { op: 'write', slot: 'specs/integrations/alpha.ts', content: { ...ALPHA, title: 'Gamma' } });
    const warm = await run('write');
    expect(warm.printed).toEqual([expect.stringMatching(/^specs\/integrations\/beta\.ts:\d+:\d+ - warning CG123: .*\n\n.*\|/)]);
    expect(withStatus(warm, 'written').sort()).toEqual(['docs/catalog.json', 'docs/catalog.md', 'docs/integrations/sms.alpha.md', 'integrations/sms.alpha/client.ts', 'integrations/sms.alpha/spec.ts']);
  });
});

describe('a cache that cannot be trusted is ignored', () => {
  /** The project's one cache file, after a run that wrote it. */
  async function cacheOf(): Promise<{ root: string; file: string; content: string; run: (mode: GenerateMode) => Promise<Outcome> }> {
    const { root, run } = await warmProject();
    const folder = join(root, 'node_modules/.cache/contractgen');
    const [name] = readdirSync(folder).filter((n) => n.endsWith('.json'));
    const file = join(folder, name!);
    const text = readFileSync(file, 'utf8');
    expect(text.slice(0, 40)).toBe(sha1(text.slice(41)));
    return { root, file, content: text.slice(41), run };
  }
  /** What the cache says the last run reported: a warning that no run from scratch gives. */
  const withFakeWarning = (content: string) => {
    const data = JSON.parse(content) as { result: { diagnostics: unknown[] } };
    data.result.diagnostics.push({ code: 'CG135', severity: 'warning', message: 'made up by hand' });
    return JSON.stringify(data);
  };

  it('edited by hand, its digest no longer matching: not used (a run answered from it would report what it says)', async () => {
    const { file, content, run } = await cacheOf();
    writeFileSync(file, `${sha1(content)}\n${withFakeWarning(content)}`);
    expect((await run('write')).printed).toEqual([expect.stringContaining('CG123')]);
  });

  it('with a matching digest but not the shape a run reads (a cache of another version, or a bug): not used, no exception', async () => {
    const { file, content, run } = await cacheOf();
    const data = JSON.parse(withFakeWarning(content)) as Record<string, unknown>;
    for (const broken of [{ ...data, inputs: null }, { ...data, outputs: { 'index.ts': 'not a stamp' }, inputs: [] }]) {
      const text = JSON.stringify(broken);
      writeFileSync(file, `${sha1(text)}\n${text}`);
      expect((await run('write')).printed).toEqual([expect.stringContaining('CG123')]);
    }
  });

  it('whose record of a spec names an output it holds no stamp for: that spec is made again, in validate mode too', async () => {
    const { root, file, content, run } = await cacheOf();
    const data = JSON.parse(content) as { outputs: Record<string, unknown> };
    delete data.outputs['integrations/sms.beta/spec.ts'];
    const text = JSON.stringify(data);
    writeFileSync(file, `${sha1(text)}\n${text}`);
    // An input of alpha changes (no answer from the cache as a whole): beta's record is looked at for reuse.
    applyEdit(root, { op: 'limits', limits: { rpm: 600, owner: 'platform.messaging' } });
    expect((await run('validate')).ok).toBe(true);
    expect((await run('write')).ok).toBe(true);
  });

  it('truncated (a crash while it was written), or not a file at all: not used', async () => {
    const { file, content, run } = await cacheOf();
    writeFileSync(file, `${sha1(content)}\n${content.slice(0, content.length / 2)}`);
    expect((await run('write')).ok).toBe(true);
    writeFileSync(file, '');
    expect((await run('check')).ok).toBe(true);
  });
});
