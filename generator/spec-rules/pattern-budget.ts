/**
 * How a spec's own regular expressions run at build time: never in the calling thread, and never
 * for long. A `pattern` is matched (against a spec's example, or a hostile string) in a small worker thread (one per
 * thread that asks, started on first use) while the caller waits for the answer for at most
 * PER_MATCH_MS; a match that takes longer is stopped (the worker is terminated) and reported as a
 * PatternTimeout. The calling thread lets at most one match time out before its event loop turns
 * again: after that, a match is refused at once. So however many slow patterns a
 * spec holds, the main thread's SIGINT/SIGTERM handlers run within a second. Matches that answer
 * count for nothing: on a loaded machine many quick ones may add up, and refusing them would fail a
 * good spec (they are work like the rest of a spec's checks, which the event loop turns between).
 *
 * It is ajv's `code.regExp` engine for spec schemas (schema-checks.ts). Its `code` is "new RegExp",
 * so the standalone validators ajv writes keep JavaScript's own RegExp: see README, Reliability, Patterns.
 */
import { Worker } from 'node:worker_threads';

/** How long one match may take on the example. Real patterns take microseconds; a slow machine must not make a good one fail. */
export const PER_MATCH_MS = 300;
/** How long a new worker may take to start (once per thread). */
const START_MS = 5_000;

/** A pattern stopped for taking too long (or not run: this turn's time was spent). */
export class PatternTimeout extends Error {
  constructor(
    readonly source: string,
    readonly spent: boolean,
  ) {
    super(spent ? `not run: a slower pattern of this file took the ${PER_MATCH_MS} ms allowed before the next` : `took more than ${PER_MATCH_MS} ms`);
    this.name = 'PatternTimeout';
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const state = new Int32Array(workerData);
const compiled = new Map();
parentPort.on('message', ({ source, flags, input }) => {
  let regex = compiled.get(flags + '/' + source);
  if (!regex) compiled.set(flags + '/' + source, (regex = new RegExp(source, flags)));
  regex.lastIndex = 0;
  Atomics.store(state, 1, regex.test(input) ? 1 : 0);
  Atomics.store(state, 0, 1);
  Atomics.notify(state, 0);
});
Atomics.store(state, 2, 1);
Atomics.notify(state, 2);
`;

/** The worker and the shared words it answers in: [0] 1 when an answer is there, [1] the answer, [2] 1 once started. */
interface Matcher {
  readonly worker: Worker;
  readonly state: Int32Array;
}
let matcher: Matcher | undefined;
/** Set while the run in this thread is being stopped (SIGINT/SIGTERM): every match is refused at once. */
let refusing = false;
/** Set once a match timed out in this turn of the event loop (SIGINT is handled between turns): the next is refused. */
let timedOutThisTurn = false;
let turnEndScheduled = false;
const answers = new Map<string, boolean>();
const MAX_ANSWERS = 10_000;

/** A new matcher thread, which starts while the caller goes on; `ready` waits for it (once). */
function startMatcher(): Matcher {
  const shared = new SharedArrayBuffer(12);
  const state = new Int32Array(shared);
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: shared, resourceLimits: { maxOldGenerationSizeMb: 64 } });
  // Never keeps the process alive; an error in it surfaces as a timeout of the match that caused it.
  worker.unref();
  worker.on('error', () => undefined);
  return { worker, state };
}

/** Waits for the matcher's thread to have started (at once after its first match). */
function ready(current: Matcher): void {
  if (Atomics.wait(current.state, 2, 0, START_MS) === 'timed-out') {
    void current.worker.terminate();
    if (matcher === current) matcher = undefined;
    throw new Error(`the worker thread that runs spec patterns did not start within ${START_MS} ms`);
  }
}

/**
 * A run being stopped refuses every further match in this thread at once, so the spec file being
 * checked ends within a turn instead of spending its whole pattern budget; `false` when a run starts.
 */
export function refuseMatches(refuse: boolean): void {
  refusing = refuse;
}

/** Whether `input` matches `source`, run in the worker; throws PatternTimeout past the budget. */
export function budgetedTest(source: string, flags: string, input: string): boolean {
  const key = `${flags}/${source}\u0000${input}`;
  const known = answers.get(key);
  if (known !== undefined) return known;
  if (refusing || timedOutThisTurn) throw new PatternTimeout(source, true);
  if (!turnEndScheduled) {
    turnEndScheduled = true;
    setImmediate(() => {
      timedOutThisTurn = false;
      turnEndScheduled = false;
    }).unref();
  }
  matcher ??= startMatcher();
  ready(matcher);
  const { worker, state } = matcher;
  Atomics.store(state, 0, 0);
  worker.postMessage({ source, flags, input });
  const outcome = Atomics.wait(state, 0, 0, PER_MATCH_MS);
  if (outcome === 'timed-out' && Atomics.load(state, 0) === 0) {
    timedOutThisTurn = true;
    // Stuck backtracking: only terminating the thread stops it. Its successor starts now, so the
    // next match (often the next pattern of the same file) does not wait, blocked, for a thread to
    // start; not while the run is being stopped, when no match will come.
    void worker.terminate();
    matcher = refusing ? undefined : startMatcher();
    throw new PatternTimeout(source, false);
  }
  const matched = Atomics.load(state, 1) === 1;
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(key, matched);
  return matched;
}

/** A regular expression as ajv's `code.regExp` engine sees it: `test` runs in the worker. */
class BudgetedPattern {
  constructor(
    readonly source: string,
    readonly flags: string,
  ) {}

  test(input: string): boolean {
    return budgetedTest(this.source, this.flags, input);
  }

  /** ajv's key for the pattern in the validator's scope. */
  toString(): string {
    return `/${this.source}/${this.flags}`;
  }
}

/** ajv's `code.regExp` for spec schemas at build time. `code`: the standalone validators ajv writes use `new RegExp`. */
export const budgetedRegExp = Object.assign((source: string, flags: string) => new BudgetedPattern(source, flags), { code: 'new RegExp' });
