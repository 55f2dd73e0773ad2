import type { SpecKind } from './model.js';

/** The calls that define a spec, by the function they call. */
export const DEFINE_FUNCTIONS: Readonly<Record<string, SpecKind>> = { defineIntegration: 'integration', defineCapability: 'capability' };

/** Every kind of spec, in the order specKindsIn lists them. */
export const SPEC_KINDS: readonly SpecKind[] = Object.values(DEFINE_FUNCTIONS);

/**
 * The kinds of spec a file may define, from its text alone: a define call names its function, so
 * a file that never mentions one defines no spec of that kind and need not be parsed for it.
 */
export function specKindsIn(text: string): SpecKind[] {
  return Object.entries(DEFINE_FUNCTIONS)
    .filter(([callee]) => text.includes(callee))
    .map(([, kind]) => kind);
}
