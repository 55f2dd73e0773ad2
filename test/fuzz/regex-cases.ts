/**
 * Fuzz cases for the regular expressions of a spec (issue 16): a config schema whose `pattern`s and
 * `patternProperties` keys are catastrophic (nested quantifiers, which the static check finds, and
 * overlapping alternatives, which only the time budget stops), polynomial or harmless, with
 * examples built to make a backtracking engine blow up. Every case must end like any other, in
 * success or located diagnostics, within the pool's time limit: no hang, whatever the patterns.
 */
import fc from 'fast-check';
import type { CaseKind } from './case.js';
import { TARGET_PATH } from './seeds.js';

/** Patterns and the strings that make a backtracking engine take exponential (or polynomial) time on them. */
const PATTERNS = ['^(a+)+$', '^(a|a)*$', '^(a|aa)+$', '^(\\w|\\d)+$', '(x+x+)+y', '^(\\d+)*x$', '(.*a){12}', '^(?:[a-z]+\\s?)+$', '\\d+\\d+\\d+$', '^(a?){30}a{30}$', '^\\+[1-9]\\d{1,14}$', '^[a-z]{3}-\\d+$', '(', '\\p{L}+'] as const;
const HOSTILE = ['a'.repeat(34) + '!', '1'.repeat(40) + 'a', 'x'.repeat(40), 'abc '.repeat(15) + '!', '9'.repeat(3000) + 'z', 'a'.repeat(30), '+15551234567', 'abc-42', ''] as const;

/** An integration spec beside the companions whose config schema holds such patterns, each with a hostile example. */
export const regexKind: CaseKind = {
  name: 'regex spec',
  // Rare: a catastrophic pattern holds a thread for its whole time budget (300 ms).
  weight: 1,
  arbitrary: fc
    .record({
      patterns: fc.array(fc.tuple(fc.constantFrom(...PATTERNS), fc.constantFrom(...HOSTILE)), { minLength: 1, maxLength: 4 }),
      asKeys: fc.boolean(),
    })
    .map(({ patterns, asKeys }) => {
      const properties = Object.fromEntries(patterns.map(([pattern], i) => [`p${i}`, { type: 'string', pattern }]));
      const example = Object.fromEntries(patterns.map(([, value], i) => [`p${i}`, value]));
      // As patternProperties keys, the hostile strings are the example's property names.
      const schema = asKeys ? { type: 'object', patternProperties: Object.fromEntries(patterns.map(([pattern]) => [pattern, { type: 'string' }])) } : { type: 'object', properties };
      const configExample = asKeys ? Object.fromEntries(patterns.map(([, value]) => [value, 'v'])) : example;
      const spec = {
        meta: { key: 'fuzz.regex', version: '1.0.0', category: 'sms', title: 'T', description: 'D', domain: 'd', owners: ['o'], tags: [], stability: 'beta' },
        supportedModes: ['managed'],
        capabilities: { provides: [{ key: 'sms.outbound', version: '1.0.0' }] },
        configSchema: { schema, example: configExample },
        secretSchema: { schema: { type: 'object', properties: {} }, example: {} },
        healthCheck: { method: 'custom', timeoutMs: 1000 },
      };
      return {
        label: `regex spec: ${patterns.map(([p, v]) => `${p} on ${v.length} chars`).join(', ')}${asKeys ? ' (patternProperties)' : ''}`,
        // JSON is a TypeScript object literal too.
        files: [{ path: TARGET_PATH, content: `import { defineIntegration } from 'contractgen/spec';\n\nexport const fuzzed = defineIntegration(${JSON.stringify(spec, null, 2)});\n` }],
      };
    }),
};
