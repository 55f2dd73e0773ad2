/**
 * The one rule for every path the writer touches: writing, renaming and removing outputs, replaying
 * a journal, recovering, and its own run folder, lock, journal and manifest. The path names a place
 * strictly inside an output folder (`out` or `docsOut`), spelled plainly (relative, `/`-separated, no
 * `.`/`..`/empty segment, no backslash, no NUL), and no component of it below that folder is a
 * symbolic link (each one is lstat'ed); the output folder itself, and every folder between the
 * project root and it, is a real folder too. `generated/` is committed, so a journal, a manifest or a
 * symlink in it is input from whoever wrote the last commit: a path that breaks the rule is refused
 * (OutputPathError, reported as CG307 at the journal step, the manifest entry or the output path)
 * before the run touches anything.
 *
 * Checked when the run starts, and again where each path is derived (under the lock, so no other
 * contractgen run changes the folders in between). Another process racing the run on the same
 * folders is not covered: the rule is about what the folders hold, not about who else writes them.
 */
import { lstatSync, type BigIntStats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative as relativePath, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { isInsideFolder } from './inside.js';
import { positionInText } from '../diagnostics/text-position.js';
import { readRegularFile } from './read-input.js';
import { RUN_FOLDER } from './run-folder.js';

/**
 * A path that breaks the rule: `named` (as a manifest, a journal or an emitter spelled it) `reason`.
 * `at`: the absolute path of what is wrong on disk, with what is wrong with it (`atReason`), when
 * the problem is on disk (a symlink, a file where a folder should be) rather than in the name.
 * `namedIn`: the journal step or manifest entry that named the path, where the error is reported.
 */
export class OutputPathError extends Error {
  constructor(
    readonly named: string,
    readonly reason: string,
    readonly at: string,
    readonly atReason?: string,
    readonly namedIn?: { readonly file: string; readonly what: string; readonly entry?: unknown },
  ) {
    super(`"${named}" ${reason}`);
    this.name = 'OutputPathError';
  }

  /** The same refusal, reported at the journal step or manifest entry (`entry`, as the JSON file holds it) that named the path. */
  namedBy(file: string, what: string, entry?: unknown): OutputPathError {
    return new OutputPathError(this.named, this.reason, this.at, this.atReason, { file, what, entry });
  }
}

/** An output folder and the emitted paths it receives (the first target whose prefix matches). */
export interface OutputTarget {
  readonly prefix: string;
  readonly dir: string;
}

/**
 * Emitted paths (`docs/...` goes to docsOut when it has its own folder) checked by the rule. One per
 * run: folders found real are remembered, so a run pays one lstat per folder and one per file, and a
 * file in a folder already checked has only its own name looked at.
 */
export class OutputPaths {
  private readonly verified = new Set<string>();
  /** Where each folder checked whole (its spelling and every segment) is, by output folder + "\0" + its relative path. */
  private readonly checkedFolders = new Map<string, string>();

  constructor(readonly targets: readonly OutputTarget[]) {}

  targetOf(path: string): OutputTarget {
    return this.targets.find((t) => path.startsWith(t.prefix))!;
  }

  /** The absolute path of an emitted path, unchecked (for messages). */
  absolute(path: string): string {
    const target = this.targetOf(path);
    return join(target.dir, path.slice(target.prefix.length));
  }

  /** Whether `inside` accepts the path. */
  reachableIn(folder: string, relative: string): boolean {
    try {
      this.inside(folder, relative);
      return true;
    } catch (error) {
      if (error instanceof OutputPathError) return false;
      throw error;
    }
  }

  /**
   * What is at an emitted path (lstat'ed), when the rule accepts the path: undefined when it refuses
   * it or nothing is there. One lstat tells both the rule and a cached output's stamp (cache/stamps.ts).
   */
  existing(path: string): { path: string; leaf: BigIntStats } | undefined {
    const target = this.targetOf(path);
    try {
      const found = this.inside(target.dir, path.slice(target.prefix.length));
      return found.leaf && { path: found.path, leaf: found.leaf };
    } catch (error) {
      if (error instanceof OutputPathError) return undefined;
      throw error;
    }
  }

  /** `relative` (a manifest entry, an emitted path) inside `folder`, checked; never a path in a run folder. */
  inside(folder: string, relative: unknown): { path: string; leaf?: BigIntStats } {
    const cut = typeof relative === 'string' ? relative.lastIndexOf('/') : -1;
    const key = cut > 0 ? `${folder}\u0000${(relative as string).slice(0, cut)}` : undefined;
    const known = key === undefined ? undefined : this.checkedFolders.get(key);
    if (known !== undefined) {
      const name = (relative as string).slice(cut + 1);
      if (plainName(name)) return leafAt(below(known, name), relative as string);
    }
    const found = checked(folder, outputSegments(relative), shown(relative), this.verified);
    if (key !== undefined && found.leaf) this.checkedFolders.set(key, dirname(found.path));
    return found;
  }
}

/** A file name the rule takes as it is (anything else goes through the whole check, which says what is wrong). */
function plainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && name !== RUN_FOLDER && !name.includes('\\') && !name.includes('\u0000');
}

/** CG307 for a refused path: at the journal step or manifest entry that named it, or at what is wrong on disk. */
export function refusedPath(error: OutputPathError): Diagnostic {
  const { namedIn } = error;
  const why = 'contractgen never writes, renames or removes outside its output folder, nor through a symbolic link: nothing was touched';
  return namedIn
    ? { code: 'CG307', severity: 'error', file: namedIn.file, ...entryPosition(namedIn.file, namedIn.entry), message: `${namedIn.what}: ${error.message}; ${why}`, hint: `a contractgen run never writes such ${namedIn.what.startsWith('journal') ? 'a journal' : 'an entry'}: check where it came from (a commit?), then delete it and run contractgen again` }
    : { code: 'CG307', severity: 'error', file: error.at, message: `${error.atReason ?? error.message}; ${why}`, hint: 'replace the symbolic link (or the file) by a real folder, or choose another output folder' };
}

/** Where `entry` is written in the JSON file (a manifest lists one entry per line; a journal is one line): a code frame shows it. */
function entryPosition(file: string, entry: unknown): { line?: number; column?: number } {
  if (entry === undefined) return {};
  try {
    const text = readRegularFile(file, { noFollow: true }).toString('utf8');
    const at = text.indexOf(JSON.stringify(entry));
    return at < 0 ? {} : positionInText(file, text, at);
  } catch {
    return {};
  }
}

function shown(relative: unknown): string {
  return typeof relative === 'string' ? relative : (JSON.stringify(relative) ?? String(relative));
}

/** `relative` when it is spelled as a path to an output (relative, plain, not in a run folder); else an OutputPathError. Reads nothing. */
export function plainOutputPath(relative: unknown): string {
  outputSegments(relative);
  return relative as string;
}

/** `relative`, split into its segments; an OutputPathError when it is no plain path to an output. */
function outputSegments(relative: unknown): string[] {
  const parts = plainSegments(relative);
  if (parts.includes(RUN_FOLDER)) throw new OutputPathError(shown(relative), `is inside a run folder (${RUN_FOLDER}/), which holds only contractgen's own lock, journal and staged files`, String(relative));
  return parts;
}

function plainSegments(relative: unknown): string[] {
  const refuse = (reason: string): never => {
    throw new OutputPathError(shown(relative), reason, String(relative));
  };
  if (typeof relative !== 'string') return refuse('is not a path');
  if (relative === '') return refuse('is empty');
  if (relative.includes('\0')) return refuse('contains a NUL character');
  if (relative.includes('\\')) return refuse('contains a backslash');
  if (isAbsolute(relative)) return refuse('is an absolute path, not a place inside the output folder');
  const parts = relative.split('/');
  if (parts.includes('..')) return refuse('leaves the output folder');
  if (parts.some((part) => part === '' || part === '.')) return refuse('is not a plain relative path (an empty or "." segment)');
  return parts;
}

/**
 * lstats each segment below `folder`, down to the leaf: none may be a symlink, every one above the
 * leaf must be a folder. Segments past the first missing one do not exist yet (a new file's folders).
 * `verified`: folders found real earlier in the run, not looked at again.
 */
function checked(folder: string, parts: readonly string[], named: string, verified?: Set<string>): { path: string; leaf?: BigIntStats } {
  let path = folder;
  for (const [index, part] of parts.entries()) {
    path = below(path, part);
    const leaf = index === parts.length - 1;
    if (leaf) return leafAt(path, named);
    if (verified?.has(path)) continue;
    const stat = lstatSync(path, { bigint: true, throwIfNoEntry: false });
    if (stat === undefined) return { path: parts.slice(index + 1).reduce(below, path) };
    const upTo = parts.slice(0, index + 1).join('/');
    if (stat.isSymbolicLink()) throw new OutputPathError(named, `goes through a symbolic link (${upTo})`, path, 'is a symbolic link');
    if (!stat.isDirectory()) throw new OutputPathError(named, `goes through ${upTo}, which is not a folder`, path, 'is not a folder, and an output goes below it');
    verified?.add(path);
  }
  return { path };
}

/** What is at the last segment of a path whose folders were checked: nothing yet, or anything but a symlink. */
function leafAt(path: string, named: string): { path: string; leaf?: BigIntStats } {
  const stat = lstatSync(path, { bigint: true, throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) throw new OutputPathError(named, 'is a symbolic link', path, 'is a symbolic link');
  return { path, leaf: stat };
}

/** `folder`/`part` for a plain segment (the rule's paths have only those) without path.join's normalising, which a run would pay per segment of every output. */
function below(folder: string, part: string): string {
  return part === '' || part === '.' || part === '..' || folder.endsWith(sep) ? join(folder, part) : `${folder}${sep}${part}`;
}

/**
 * The output folder itself, every folder between the project root and it (when it lies inside the
 * project) and its run folder: real folders, or not there yet. Returns what is wrong, if anything.
 */
export function outputFolderProblem(folder: string, root: string): OutputPathError | undefined {
  const [base, parts] = isInsideFolder(folder, root) ? [root, relativePath(root, folder).split(sep)] : [dirname(folder), [basename(folder)]];
  try {
    const { leaf } = checked(base, parts, folder);
    if (leaf && !leaf.isDirectory()) throw new OutputPathError(folder, 'is not a folder', folder, 'is not a folder, and it is where the output goes');
    checkedRunFolder(folder);
    return undefined;
  } catch (error) {
    if (error instanceof OutputPathError) return error;
    throw error;
  }
}

/** `folder`'s run folder, checked: a real folder, or not there yet. */
export function checkedRunFolder(folder: string): string {
  const { path, leaf } = checked(folder, [RUN_FOLDER], RUN_FOLDER);
  if (leaf && !leaf.isDirectory()) throw new OutputPathError(RUN_FOLDER, 'is not a folder', path, 'is not a folder: it is where contractgen keeps its lock, journal and staged files');
  return path;
}

/**
 * A file of `folder`'s run folder: directly in it (`.contractgen-run/journal.json`) or staged in one
 * of its staging folders (`.contractgen-run/<run>/<name>`, `staged`), checked; `leaf`: what is there now.
 */
export function runFolderEntry(folder: string, relative: unknown, staged = false): { path: string; leaf?: BigIntStats } {
  const parts = plainSegments(relative);
  if (parts[0] !== RUN_FOLDER || parts.length !== (staged ? 3 : 2)) throw new OutputPathError(shown(relative), staged ? `is not a staged file (${RUN_FOLDER}/<run>/<file>)` : `is not a file of the run folder (${RUN_FOLDER}/)`, join(folder, shown(relative)));
  return checked(folder, parts, shown(relative));
}

/**
 * `absolute` as a path inside the one of `folders` that holds it (the deepest: docsOut may lie inside
 * out), or an OutputPathError naming it as `named`. For journal steps, whose paths are relative to the journal.
 */
export function withinFolders(absolute: string, folders: readonly string[], named: string): { folder: string; relative: string } {
  const folder = [...folders].sort((a, b) => b.length - a.length).find((f) => isInsideFolder(absolute, f));
  if (!folder) throw new OutputPathError(named, 'leaves the output folder', absolute);
  return { folder, relative: relativePath(folder, absolute).split(sep).join('/') };
}
