/**
 * Adapter results are checked against the operation's output schema before a caller sees them:
 * a provider that answers 201 with fields missing must become an error naming those fields,
 * never a success with `id: undefined`. Checked once, here, for every adapter.
 */
import { ValidationError } from '../validation/validator.js';
import { InvalidResponseError } from './errors.js';

/**
 * Throws a ValidationError unless the value matches the output schema: the generated
 * `assert<Capability><Operation>Output`. An asserter costs no allocation when the value is valid.
 */
export type OutputAssertion = (value: unknown) => void;

/** `value` itself when it matches (or there is nothing to check it against); else InvalidResponseError. */
export function checkedOutput<T>(value: T, assertOutput: OutputAssertion | undefined, integration: string, operation: string): T {
  if (assertOutput === undefined) return value;
  try {
    assertOutput(value);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const issues = error.issues.map((issue) => ({ path: issue.path || '(output)', message: issue.message }));
    throw new InvalidResponseError(issues, { integration, operation });
  }
  return value;
}
