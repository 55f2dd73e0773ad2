/**
 * Fuzz cases against the writer's path rule (issue 16): a real spec, unchanged (so the run gets to
 * the writer), over an output folder tampered with as a commit could, by the case's files: a
 * planted journal (and a staged file) whose steps name odd paths, manifest entries that leave the
 * folder, and a symlink in place of an output folder or file, the run folder or the output folder
 * itself, pointing out of the project at the watched folder's bait (case.ts). Every such case
 * writes. Beyond what every case must do (nothing changes outside the output folder, invariants.ts),
 * its run must report CG307 where the rule refuses whatever the spec: at a symlinked output or run
 * folder, else at a journal with an unsafe step (both leaving the output folder as it was), else at
 * a manifest entry that is no plain path and at a symlink where the output always has files.
 */
import { isAbsolute, join } from 'node:path';
import fc from 'fast-check';
import { fileTree, isUnder, treeChanges } from '../support/file-tree.js';
import type { CaseFile, CaseKind, FuzzCase } from './case.js';
import type { CaseRun } from './invariants.js';
import { loadSeeds } from './seeds.js';

const OUT = 'generated';
const RUN_FOLDER = `${OUT}/.contractgen-run`;
const JOURNAL = `${RUN_FOLDER}/journal.json`;
const STAGED = '.contractgen-run/r1/0-index.ts';
const MANIFEST = `${OUT}/.contractgen-manifest.json`;
/** Where the generated manifest lists its files: entries are added right after it. */
const MANIFEST_FILES = '"files": [';

/** The watched folder's bait (case.ts), relative to the project root. */
const OUTSIDE_FOLDER = '../outside';
const VICTIM = `${OUTSIDE_FOLDER}/victim.txt`;
/** Absolute, the same on every machine (a case names no place of its project): what is checked is that it is refused. */
const ABSOLUTE = '/nonexistent/contractgen-fuzz/victim.txt';

/** Paths a journal or manifest may name (relative to the output folder), spelled plainly: the rule refuses them only through the case's link (`integrations/link`). */
const PLAIN_PATHS = ['index.ts', 'integrations/sms.twilio/client.ts', 'docs/catalog.md', 'integrations/link/victim.txt'] as const;
/** ...and spelled so that the rule refuses them whatever the folder holds: leaving the folder, absolute, with NUL or backslashes, empty, not normal, into the run folder. */
const UNSAFE_PATHS = [
  `../${VICTIM}`,
  `../../${VICTIM}`,
  `integrations/../../${VICTIM}`,
  ABSOLUTE,
  'index.ts\u0000.md',
  `..\\${VICTIM.replace(/\//g, '\\')}`,
  '.contractgen-run/lock.json',
  STAGED,
  '',
  '.',
  './index.ts',
] as const;

/** Output-relative places a symlink may stand in ('.': the output folder itself); a name with an extension is a file's. */
const LINK_PLACES = [
  'integrations/sms.twilio',
  'integrations/mail.lob',
  'integrations/link',
  'capabilities/sms.outbound',
  'docs',
  'docs/integrations',
  '.contractgen-run',
  'index.ts',
  '.contractgen-manifest.json',
  '.',
] as const;
/** What a link points at, relative to the project root: a folder outside the project, the watched folder itself, or a file of its bait. */
const FOLDER_TARGETS = [OUTSIDE_FOLDER, '..'] as const;
const FILE_TARGETS = ['../secret.txt', VICTIM] as const;

type JournalStep = readonly [op: string, path: string, other: string];

/** What a case does to the output folder, before it becomes files. */
interface Tampering {
  readonly journal?: readonly JournalStep[];
  readonly manifest?: readonly string[];
  /** `target`: an index in the targets for the place (a folder's or a file's). */
  readonly link?: { readonly place: (typeof LINK_PLACES)[number]; readonly target: number };
}

const path = fc.oneof(fc.constantFrom(...PLAIN_PATHS), fc.constantFrom(...UNSAFE_PATHS));
/** A rename takes a staged file to an output, a removal names its output folder ('' or '.'): each spelled well or not. */
const journalStep: fc.Arbitrary<JournalStep> = fc.oneof(
  fc.tuple(fc.constant('rename'), fc.oneof(fc.constant(STAGED), path), path),
  fc.tuple(fc.constant('remove'), path, fc.constantFrom('', '.', '..', 'index.ts')),
);
/** Absent more often than not: so that a case that is not refused by name, and gets to write through its link, comes up often. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, weight: number) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 - weight }, { arbitrary, weight });
const tampering: fc.Arbitrary<Tampering> = fc.record({
  journal: sometimes(fc.array(journalStep, { minLength: 1, maxLength: 3 }), 1),
  manifest: sometimes(fc.array(path, { minLength: 1, maxLength: 3 }), 1),
  // One link at most: a second one below it would be made through it, outside the project. Both lists of targets are as long.
  link: sometimes(fc.record({ place: fc.constantFrom(...LINK_PLACES), target: fc.nat(FOLDER_TARGETS.length - 1) }), 2),
});

/** The files that tamper: the journal and manifest first, the link last (it may replace the folder they are in, and nothing is placed through it). */
function tamperingFiles({ journal, manifest, link }: Tampering): CaseFile[] {
  const files: CaseFile[] = [];
  if (journal) {
    files.push({ path: JOURNAL, content: JSON.stringify({ generator: 'contractgen', format: 1, steps: journal }) });
    files.push({ path: `${OUT}/${STAGED}`, content: '// staged\n' });
  }
  // One entry a line, as the generator writes them.
  if (manifest) files.push({ path: MANIFEST, after: MANIFEST_FILES, insert: manifest.map((entry) => `\n    ${JSON.stringify(entry)},`).join('') });
  if (link) {
    const path = link.place === '.' ? OUT : `${OUT}/${link.place}`;
    const target = (/\.\w+$/.test(link.place) ? FILE_TARGETS : FOLDER_TARGETS)[link.target]!;
    // Relative to the link's folder, so the case names no place of the machine it runs on.
    files.push({ path, symlink: '../'.repeat(path.split('/').length - 1) + target });
  }
  return files;
}

export const tamperingKind: CaseKind = {
  name: 'tampered output',
  weight: 4,
  alwaysWrites: true,
  arbitrary: fc.record({ seed: fc.constantFrom(...loadSeeds().filter((seed) => !seed.name.startsWith('broken/'))), tamper: tampering }).map(({ seed, tamper }) => ({
    label: `${seed.name} over a tampered output folder: ${JSON.stringify(tamper)}`,
    files: [{ path: seed.path, content: seed.text }, ...tamperingFiles(tamper)],
  })),
  check: tamperingViolations,
};

/** The case's planted journal steps, manifest entries and link, read back from its files. */
function tamperingOf(fuzzCase: FuzzCase) {
  const file = (path: string) => fuzzCase.files.find((f) => f.path === path);
  const journal = file(JOURNAL);
  const manifest = file(MANIFEST);
  const link = fuzzCase.files.find((f) => 'symlink' in f);
  return {
    journal: journal && 'content' in journal ? (JSON.parse(Buffer.from(journal.content).toString('utf8')) as { steps: JournalStep[] }).steps : [],
    // The entries added, one a line, each followed by a comma.
    manifest: manifest && 'insert' in manifest ? (JSON.parse(`[${manifest.insert.slice(0, -1)}]`) as string[]) : [],
    link: link?.path,
  };
}

/** Spelled as the rule wants a path inside the output folder: relative, `/`-separated, no empty, `.` or `..` segment, no NUL. */
const plain = (path: string) => path !== '' && !isAbsolute(path) && !path.includes('\u0000') && !path.includes('\\') && path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
const inRunFolder = (path: string) => path.split('/')[0] === '.contractgen-run';

/** A journal step the rule refuses, whatever the folder holds; or one through the case's link. */
function unsafeStep([op, path, other]: JournalStep, link: string | undefined): boolean {
  const throughLink = (output: string) => link !== undefined && isUnder(`${OUT}/${output}`, link);
  const outputFile = (output: string) => plain(output) && !inRunFolder(output) && !throughLink(output);
  if (op === 'remove') return !outputFile(path) || (other !== '' && other !== '.');
  return !(path === STAGED && !throughLink(path)) || !outputFile(other);
}

/** Places of LINK_PLACES the companions' output always has (seeds.ts): a writing run compares its files there, whatever the case's spec. */
const FIXED_OUTPUT = new Set(['capabilities/sms.outbound', 'docs', 'index.ts', '.contractgen-manifest.json'].map((place) => `${OUT}/${place}`));

interface Refusal {
  readonly why: string;
  /** Where its CG307 is reported, project-relative. */
  readonly at: string;
}

/**
 * The refusals the rule owes the tampering whatever the spec, in the order a writing run meets
 * them: the output and run folders (before anything is read), the journal (checked whole before its
 * first step); or else the manifest's entries and a link where the output always has files.
 * `untouched`: refused before the run touched anything.
 */
function owedRefusals({ journal, manifest, link }: ReturnType<typeof tamperingOf>): { readonly owed: readonly Refusal[]; readonly untouched: boolean } {
  if (link === OUT || link === RUN_FOLDER) return { owed: [{ why: `the ${link === OUT ? 'output' : 'run'} folder is a symlink`, at: link }], untouched: true };
  if (journal.some((step) => unsafeStep(step, link))) return { owed: [{ why: 'a journal step is unsafe', at: JOURNAL }], untouched: true };
  // A safe journal may have run by then: the output folder may have changed.
  const owed: Refusal[] = [];
  if (manifest.some((entry) => !plain(entry) || inRunFolder(entry))) owed.push({ why: 'a manifest entry is no plain path to an output', at: MANIFEST });
  if (link && FIXED_OUTPUT.has(link)) owed.push({ why: `${link} is a symlink, where the output has files`, at: link });
  return { owed, untouched: false };
}

/** CG307 where the rule owes it, and the output folder as it was when the run was to be refused before touching it. */
function tamperingViolations({ root, result, before, fuzzCase }: CaseRun): string[] {
  const refusals = result.diagnostics.filter((d) => d.code === 'CG307' && d.severity === 'error');
  if (refusals.length > 0 && result.ok) return ['CG307 reported, yet the run counts as ok'];
  const { owed, untouched } = owedRefusals(tamperingOf(fuzzCase));
  const reported = refusals.map((d) => d.file);
  const missing = owed.filter(({ at }) => !reported.includes(join(root, at)));
  const problems = missing.map(({ why, at }) => `no CG307 at ${at} (ok: ${result.ok}; CG307 at ${reported.join(', ') || 'nothing'}), though ${why}`);
  const changed = untouched ? treeChanges(before.output, fileTree(join(root, OUT))) : [];
  return [...problems, ...changed.map((change) => `changed in the output folder, though ${owed[0]!.why} and nothing was to be touched: ${change}`)];
}
