/**
 * Fuzz cases against the writer's path rule (issue 16). Before such a case runs, the fuzz project's
 * output folder is tampered with as a commit could: a planted journal whose steps name odd paths,
 * manifest entries that leave the folder, symlinks in place of output folders, files, the run
 * folder or the output folder itself, pointing at `outside/` in the project. Whatever the spec,
 * nothing outside the output folder may change (invariants.ts compares the project tree, `outside/`
 * included), and a writing run that meets a planted journal with an unsafe step, or a symlinked
 * output or run folder, fails with CG307. After the case the tampering is undone.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import type { GenerateResult } from '../../generator/index.js';
import type { Seed } from './seeds.js';

/** What is done to the output folder before a case: plain data, so it travels to a fuzz thread and replays. */
export interface Tampering {
  /** Output-relative places replaced by a symlink to a folder (or, for a file, to a file) outside. */
  readonly symlinks: readonly string[];
  /** A journal planted in the run folder: `[op, path, path]`, paths as a journal spells them. */
  readonly journal?: readonly (readonly [string, string, string])[];
  /** Entries added to the manifest. */
  readonly manifest?: readonly string[];
}

const OUTSIDE = 'outside';
const VICTIM = 'victim.txt';
/** Set aside during a case (below the build cache folder, which the invariants let change). */
const ASIDE = join('node_modules', '.cache', 'fuzz-aside');

/** Paths as a journal or manifest may spell them: plain, leaving the folder, absolute, with NUL or backslashes, into the run folder or through a planted link. */
const ODD_PATHS = [
  'index.ts',
  'integrations/sms.twilio/client.ts',
  'docs/catalog.md',
  `../${OUTSIDE}/${VICTIM}`,
  `../../${OUTSIDE}/${VICTIM}`,
  `integrations/../../${OUTSIDE}/${VICTIM}`,
  '<absolute>',
  'index.ts\u0000.md',
  `..\\${OUTSIDE}\\${VICTIM}`,
  '.contractgen-run/lock.json',
  '.contractgen-run/r1/0-index.ts',
  `integrations/link/${VICTIM}`,
  '',
  '.',
  './index.ts',
] as const;

const LINK_PLACES = ['integrations/sms.twilio', 'integrations/link', 'capabilities/sms.outbound', 'docs', 'docs/integrations', '.contractgen-run', 'index.ts', '.contractgen-manifest.json', '.'] as const;

const oddPath = fc.constantFrom(...ODD_PATHS);

export const tamperings: fc.Arbitrary<Tampering> = fc.record(
  {
    // One place at most: a link below another would be made through it, inside `outside/`.
    symlinks: fc.uniqueArray(fc.constantFrom(...LINK_PLACES), { maxLength: 1 }),
    journal: fc.array(fc.tuple(fc.constantFrom('remove', 'rename'), oddPath, fc.constantFrom('', '.', '..', ...ODD_PATHS.slice(0, 6))), { minLength: 1, maxLength: 3 }),
    manifest: fc.array(oddPath, { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: ['symlinks'] },
);

/** A real spec, unchanged (so the run reaches the writer), written over a tampered output folder. */
export function tamperingCases(seeds: readonly Seed[]) {
  const valid = seeds.filter((seed) => !seed.name.startsWith('broken/'));
  return fc.record({ seed: fc.constantFrom(...valid), tamper: tamperings }).map(({ seed, tamper }) => ({
    label: `${seed.name} over a tampered output folder: ${JSON.stringify(tamper)}`,
    path: seed.path,
    content: seed.text,
    tamper,
    mode: 'write' as const,
  }));
}

/** Applies `tampering` to `<root>/<out>`; returns what undoes it. Makes `outside/` first, so the invariants see it before and after. */
export function tamper(root: string, out: string, tampering: Tampering): () => void {
  const outDir = join(root, out);
  const outside = join(root, OUTSIDE);
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, VICTIM), 'must survive every run\n');
  const spell = (path: string) => (path === '<absolute>' ? join(outside, VICTIM) : path);
  const undo: (() => void)[] = [];
  const manifestFile = join(outDir, '.contractgen-manifest.json');
  if (tampering.manifest && existsSync(manifestFile)) {
    const original = readFileSync(manifestFile);
    const listed = JSON.parse(original.toString('utf8')) as { files: string[] };
    writeFileSync(manifestFile, JSON.stringify({ ...listed, files: [...listed.files, ...tampering.manifest.map(spell)] }));
    undo.push(() => writeFileSync(manifestFile, original));
  }
  if (tampering.journal) {
    const runFolder = join(outDir, '.contractgen-run');
    mkdirSync(join(runFolder, 'r1'), { recursive: true });
    writeFileSync(join(runFolder, 'r1', '0-index.ts'), '// staged\n');
    writeFileSync(join(runFolder, 'journal.json'), JSON.stringify({ generator: 'contractgen', format: 1, steps: tampering.journal.map(([op, a, b]) => [op, spell(a), spell(b)]) }));
    undo.push(() => rmSync(runFolder, { recursive: true, force: true }));
  }
  for (const place of tampering.symlinks) {
    const at = place === '.' ? outDir : join(outDir, place);
    const aside = join(root, ASIDE, place === '.' ? '_out' : place.replace(/\//g, '_'));
    const isFile = /\.(ts|md|json)$/.test(place);
    rmSync(aside, { recursive: true, force: true });
    mkdirSync(dirname(aside), { recursive: true });
    mkdirSync(dirname(at), { recursive: true });
    const had = existsSync(at);
    if (had) renameSync(at, aside);
    symlinkSync(isFile ? join(outside, VICTIM) : outside, at);
    undo.unshift(() => {
      rmSync(at, { force: true });
      if (had) renameSync(aside, at);
    });
  }
  return () => undo.forEach((step) => step());
}

/** A journal step the path rule refuses, whatever the tree holds: the whole journal is refused then. */
function unsafeStep([op, a, b]: readonly [string, string, string]): boolean {
  const inside = (path: string) => path !== '<absolute>' && path !== '' && path !== '.' && !path.includes('..') && !path.includes('\u0000') && !path.includes('\\') && !path.startsWith('./');
  if (op === 'remove') return !inside(a) || a.startsWith('.contractgen-run') || (b !== '' && b !== '.');
  return !/^\.contractgen-run\/r1\/[^/]+$/.test(a) || !inside(b) || b.startsWith('.contractgen-run');
}

/** What a writing run must have said about the tampering: CG307 where the rule applies before anything is read. */
export function tamperingViolations(tampering: Tampering, result: GenerateResult, mode: 'validate' | 'write'): string[] {
  if (mode !== 'write') return [];
  const refused = result.diagnostics.some((d) => d.code === 'CG307' && d.severity === 'error');
  const mustRefuse = tampering.symlinks.some((place) => place === '.' || place === '.contractgen-run') || (tampering.journal?.some(unsafeStep) ?? false);
  if (mustRefuse && !refused) return [`an unsafe output folder (${JSON.stringify(tampering)}) was not refused with CG307 (ok: ${result.ok})`];
  if (refused && result.ok) return ['CG307 reported, yet the run counts as ok'];
  return [];
}
