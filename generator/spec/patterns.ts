/**
 * The regular expressions of a spec's schemas (`pattern`, `patternProperties` keys): where they are,
 * whether each is one (ajv compiles them with the `u` flag), and whether one can backtrack
 * catastrophically, found by safe-regex2 before anything runs it. Why safe-regex2: it reads a
 * pattern in microseconds and catches the exponential shape people write (a quantifier over a
 * group that is itself quantified, `^(a+)+$`); what it misses (overlapping alternatives such as
 * `(a|a)*`) still cannot hang a run, as examples are matched under a time budget off the thread
 * (pattern-budget.ts). See the README's Patterns paragraph for what holds at run time.
 */
import { createRequire } from 'node:module';
import type { SpecFinding } from './findings.js';

type Path = readonly (string | number)[];

type SafeRegex = (pattern: string, options?: { limit?: number }) => boolean;
/** Loaded on the first pattern (a run whose schemas have none never loads it); CommonJS, its typings `export =`. */
let safeRegex: SafeRegex | undefined;
/** Its verdicts by source: specs share their patterns (a 1,000-spec corpus has 3,176 patterns, 8 distinct). */
const verdicts = new Map<string, boolean>();

function isSafe(source: string): boolean {
  let safe = verdicts.get(source);
  if (safe === undefined) {
    safe = (safeRegex ??= createRequire(import.meta.url)('safe-regex2') as SafeRegex)(source);
    if (verdicts.size >= 10_000) verdicts.clear();
    verdicts.set(source, safe);
  }
  return safe;
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

/** CG125: a pattern that can backtrack catastrophically. Nothing runs it: the schema is refused before its example is checked. */
export function findCatastrophicPattern(node: unknown, at: Path): SpecFinding | undefined {
  for (const { path, source } of schemaPatterns(node, at)) {
    if (!isSafe(source)) return catastrophic(path, 'a quantifier over a group that is itself quantified, or more than 25 quantifiers');
  }
  return undefined;
}

/** CG125 for the pattern at `path`, with why. */
export function catastrophic(path: Path, why: string): SpecFinding {
  return {
    code: 'CG125',
    severity: 'error',
    path,
    message: `can backtrack catastrophically (${why}): a matching engine like JavaScript's may take exponential time on a hostile string`,
    hint: 'write it without nested or overlapping repetition, e.g. "^a+$" rather than "^(a+)+$"; generated validators run it on input from outside',
  };
}
