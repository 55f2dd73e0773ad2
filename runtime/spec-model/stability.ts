/** Lifecycle stage of an integration or capability. The string values are what specs and generated code carry. */
export enum StabilityEnum {
  Idea = 'idea',
  InCreation = 'in_creation',
  Experimental = 'experimental',
  Beta = 'beta',
  Stable = 'stable',
  Deprecated = 'deprecated',
}

export type Stability = `${StabilityEnum}`;

export const STABILITIES: readonly Stability[] = Object.values(StabilityEnum);
