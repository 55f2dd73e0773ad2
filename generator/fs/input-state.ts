/**
 * What the build cache compares an input by, to know whether a result made from it still holds:
 * the hash of its bytes; ABSENT when nothing is at the path (a file the module resolver looked for
 * and did not find: one appearing there can change what an import resolves to); undefined when it
 * cannot be read as a regular file (a folder, a FIFO, no permission), which matches no record.
 */
import { statSync, type BigIntStats } from 'node:fs';
import { sha1 } from '../values.js';
import { readRegularFileWithStats } from './read-input.js';

export const ABSENT = 'absent';

export function inputState(path: string): string | undefined {
  return readState(path).state;
}

/** The state of `path`, and the stat of the file it was read from (when it was). */
function readState(path: string): { state: string | undefined; stats?: BigIntStats } {
  try {
    // A regular file only: an input replaced by a FIFO since the last run must not block the run.
    const { bytes, stats } = readRegularFileWithStats(path);
    return { state: sha1(bytes), stats };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { state: code === 'ENOENT' || code === 'ENOTDIR' ? ABSENT : undefined };
  }
}

/**
 * How long before the read that hashed it a file must have last changed for its state to be kept.
 * A file can change again within one tick of the file system's clock without its stat moving (git
 * calls such an entry "racily clean"); a file hashed that soon after a change is hashed again next time.
 */
const SETTLED_NS = 1_000_000_000n;

/**
 * Input states kept between runs (by a watch process, and through the cache file from one run to
 * the next): a file is read and hashed again only when its stat moved (device, inode, size, modification or change time: a write moves
 * the change time, and no tool can set it back), when it changed too shortly before it was hashed,
 * or when the watcher named it (`forget`). On a file system that keeps whole seconds nothing is
 * kept: an edit within the same second would not show.
 */
export class KnownInputStates {
  private readonly known = new Map<string, { readonly stat: string; readonly state: string }>();

  stateOf(path: string): string | undefined {
    let stat: BigIntStats | undefined;
    try {
      stat = statSync(path, { bigint: true, throwIfNoEntry: false });
    } catch {
      stat = undefined;
    }
    if (stat === undefined) {
      this.known.delete(path);
      return ABSENT;
    }
    const kept = this.known.get(path);
    if (kept !== undefined && kept.stat === statKey(stat)) return kept.state;
    const readAt = BigInt(Date.now()) * 1_000_000n;
    const { state, stats } = readState(path);
    if (state !== undefined && stats !== undefined && settled(stats, readAt)) this.known.set(path, { stat: statKey(stats), state });
    else this.known.delete(path);
    return state;
  }

  /** The stat `path` was read at when its kept state is `state` (what the cache records for the next process). */
  statOf(path: string, state: string): string | undefined {
    const kept = this.known.get(path);
    return kept?.state === state ? kept.stat : undefined;
  }

  /** States another process kept (the cache file's), for paths this one has not read yet. */
  adopt(states: Readonly<Record<string, string>>, stats: Readonly<Record<string, string>>): void {
    for (const [path, stat] of Object.entries(stats)) {
      const state = states[path];
      if (state !== undefined && !this.known.has(path)) this.known.set(path, { stat, state });
    }
  }

  /** Read `path` again next time, whatever its stat says (the watcher saw it change). */
  forget(path: string): void {
    this.known.delete(path);
  }
}

function statKey(stat: BigIntStats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

function settled(stat: BigIntStats, readAt: bigint): boolean {
  const wholeSeconds = stat.mtimeNs % 1_000_000_000n === 0n && stat.ctimeNs % 1_000_000_000n === 0n;
  return !wholeSeconds && stat.ctimeNs + SETTLED_NS < readAt;
}
