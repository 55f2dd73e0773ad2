/**
 * The regular expressions of a spec's schemas (`pattern`, `patternProperties` keys): where they are,
 * whether each is one (ajv compiles them with the `u` flag), and whether one can backtrack
 * catastrophically: found by safe-regex2 before anything runs it, then by matching strings built
 * to blow a backtracking engine up, under the time budget off the thread (pattern-budget.ts). Why
 * safe-regex2: it reads a pattern in microseconds and catches the exponential shape people write
 * (a quantifier over a group that is itself quantified, `^(a+)+$`); the hostile strings catch much
 * of what it misses (overlapping alternatives such as `(a|aa)*`), and whatever is left still
 * cannot hang a run. See the README's Reliability section, Patterns, for what holds at run time.
 */
import { createRequire } from 'node:module';
import type { SpecFinding } from './findings.js';
import { budgetedTest, PatternTimeout } from './pattern-budget.js';

type Path = readonly (string | number)[];

type SafeRegex = (pattern: string, options?: { limit?: number }) => boolean;
/** Loaded on the first pattern (a run whose schemas have none never loads it); CommonJS, its typings `export =`. */
let safeRegex: SafeRegex | undefined;
/** What the checks found about each pattern (undefined: nothing), by source: specs share their patterns (a 1,000-spec corpus has 3,176 patterns, 8 distinct). */
const verdicts = new Map<string, Verdict | undefined>();

interface Verdict {
  readonly severity: 'error' | 'warning';
  readonly why: string;
}

/**
 * Whether `source` can backtrack catastrophically. It is matched (in the pattern worker, under the
 * time budget) against strings built to make a backtracking engine explode: a character it is
 * written with repeated 30 times (exponential blow-up, as `(a|aa)*` on "aaa...!") and 2,000 times
 * (cubic or worse), then one it does not expect; one that takes too long is an error. Else a
 * pattern safe-regex2 flags (nested quantifiers) is a warning: its heuristic also flags patterns that
 * are linear, such as `^([a-z]+\.)*[a-z]+$`. Throws PatternTimeout (`spent`) when this turn's time
 * for patterns is used up: undecided, not cached.
 */
function verdictOf(source: string): Verdict | undefined {
  if (verdicts.has(source)) return verdicts.get(source);
  let verdict: Verdict | undefined;
  for (const attack of attackStrings(source)) {
    try {
      budgetedTest(source, 'u', attack);
    } catch (error) {
      if (!(error instanceof PatternTimeout) || error.spent) throw error;
      verdict = { severity: 'error', why: `matching ${attack.length - 1} times "${attack[0]}" and one more character ${error.message}` };
      break;
    }
  }
  if (!verdict && !(safeRegex ??= createRequire(import.meta.url)('safe-regex2') as SafeRegex)(source)) {
    verdict = { severity: 'warning', why: 'safe-regex2 finds a quantifier over a group that is itself quantified, or more than 25 quantifiers; no string tried here made it slow' };
  }
  if (verdicts.size >= 10_000) verdicts.clear();
  verdicts.set(source, verdict);
  return verdict;
}

/** The characters a pattern is written with (at most six, classes first), each as the start of two hostile strings. */
function attackStrings(source: string): string[] {
  const pumps = new Set<string>();
  if (/\\d|0-9/.test(source)) pumps.add('1');
  if (/\\w|a-z|\\p\{|\./.test(source)) pumps.add('a');
  if (/\\s/.test(source)) pumps.add(' ');
  for (const char of source.replace(/\\[a-zA-Z]/g, '')) if (/[\p{L}\p{N} _@.:/+-]/u.test(char)) pumps.add(char);
  return [...pumps].slice(0, 6).flatMap((pump) => [`${pump.repeat(30)}\u0000`, `${pump.repeat(2_000)}\u0000`]);
}

/** Every pattern of a schema with its path below `at`, in document order. */
export function schemaPatterns(node: unknown, at: Path): { path: Path; source: string }[] {
  const found: { path: Path; source: string }[] = [];
  const visit = (current: unknown, path: Path) => {
    if (!current || typeof current !== 'object') return;
    for (const [key, value] of Object.entries(current)) {
      const here = [...path, Array.isArray(current) ? Number(key) : key];
      if (key === 'pattern' && typeof value === 'string') found.push({ path: here, source: value });
      if (key === 'patternProperties' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const source of Object.keys(value)) found.push({ path: [...here, source], source });
      }
      visit(value, here);
    }
  };
  visit(node, at);
  return found;
}

/** A `pattern` (or `patternProperties` key) that is not a regular expression. */
export function findBadPattern(node: unknown, at: Path): SpecFinding | undefined {
  for (const { path, source } of schemaPatterns(node, at)) {
    try {
      new RegExp(source, 'u');
    } catch (error) {
      return {
        code: 'CG120',
        severity: 'error',
        path,
        message: `is not a valid regular expression (${(error as Error).message.replace(/^.*: /, '')})`,
        hint: 'JSON Schema patterns are ECMAScript regular expressions, checked with the "u" (unicode) flag',
      };
    }
  }
  return undefined;
}

/**
 * CG125: a pattern that can backtrack catastrophically (an error), or that safe-regex2 flags (a
 * warning). Only the checks run it, off the thread: the schema is refused before its example is matched.
 */
export function findCatastrophicPatterns(node: unknown, at: Path): SpecFinding[] {
  const found: SpecFinding[] = [];
  for (const { path, source } of schemaPatterns(node, at)) {
    try {
      const verdict = verdictOf(source);
      if (verdict) found.push(catastrophic(path, verdict.why, verdict.severity));
    } catch (error) {
      if (!(error instanceof PatternTimeout)) throw error;
      found.push(unchecked(path, error));
    }
  }
  return found;
}

/** CG125 for a pattern whose check or example match could not run: a slow pattern before it in the file took this turn's time. */
export function unchecked(path: Path, timeout: PatternTimeout): SpecFinding {
  return { code: 'CG125', severity: 'error', path, message: `was not checked: ${timeout.message}`, hint: 'fix the pattern reported as slow in this file (it is reported where it took too long); this one is checked once that one is linear' };
}

/** CG125 for the pattern at `path`, with why. */
export function catastrophic(path: Path, why: string, severity: 'error' | 'warning' = 'error'): SpecFinding {
  return {
    code: 'CG125',
    severity,
    path,
    message: `${severity === 'error' ? 'can' : 'may'} backtrack catastrophically (${why}): a matching engine like JavaScript's may take exponential time on a hostile string`,
    hint: 'write it without nested or overlapping repetition, e.g. "^a+$" rather than "^(a+)+$"; generated validators run it on input from outside',
  };
}
