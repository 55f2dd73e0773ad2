/**
 * A fuzz case, as plain data (it crosses to a worker thread and is saved when it finds something):
 * what it places in the fuzz project, over the project's fixed state, and the run it then makes.
 *
 * The project (project.ts) is `<watched>/project`: the companion specs, their generated output and
 * a warm build cache, restored byte for byte before every case. `<watched>` also holds bait files
 * (`WATCHED_BAIT`) a case may point a symlink at; nothing in `<watched>` outside the project's
 * output folder and build cache may change (invariants.ts).
 */

import type { Arbitrary } from 'fast-check';
import type { CaseRun } from './invariants.js';

/** One entry a case places, by project-relative `/`-separated path (parent folders are made). */
export type CaseFile =
  | { readonly path: string; readonly content: string | Uint8Array }
  /** A symlink to `target`, as written (relative to the link's folder, or absolute). */
  | { readonly path: string; readonly symlink: string }
  | { readonly path: string; readonly folder: true }
  /**
   * The file as the project's fixed state holds it, with `insert` put right after the first `after`
   * in it: a generated file edited as a commit could (a manifest with entries added), whatever the
   * generator writes in it today.
   */
  | { readonly path: string; readonly after: string; readonly insert: string };

export interface FuzzCase {
  /** How the case was made, for a failure report: `#12 (seed 5) mutation of twilio-sms.ts: ...`. */
  readonly label: string;
  /** The name of the CaseKind that made it: what its run must show beyond what every case's must (kinds.ts). */
  readonly kind: string;
  readonly files: readonly CaseFile[];
  readonly mode: 'validate' | 'write';
}

/** Files beside the project in the watched folder, relative to the project root. */
export const WATCHED_BAIT: Readonly<Record<string, string>> = {
  '../outside-spec.ts': "import { defineCapability } from 'contractgen/spec';\nexport const outside = defineCapability({ meta: { key: 'outside.spec' } });\n",
  '../secret.txt': 'TOP SECRET: nothing may read or print this\n',
  '../outside/victim.txt': 'must survive every run\n',
};

/**
 * A kind of case: its generator, and how often it comes up relative to the others (kinds.ts lists
 * them). `label` says how to make the case again; the run's seed and the case's index are added.
 */
export interface CaseKind {
  readonly name: string;
  readonly weight: number;
  readonly arbitrary: Arbitrary<{ readonly label: string; readonly files: readonly CaseFile[] }>;
  /** Every case of the kind writes (it is about the writer); otherwise every fourth case does. */
  readonly alwaysWrites?: true;
  /**
   * What a run of one of its cases must show beyond the invariants every case satisfies
   * (invariants.ts), found from the case alone (its files): the problems, if any. Runs in the fuzz
   * thread, looked up by the case's `kind`: a case is plain data and carries no code.
   */
  readonly check?: (run: CaseRun) => string[];
}
