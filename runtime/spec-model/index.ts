// The spec model as types (what generated spec constants satisfy) and the stability enum. Spec
// files import these through `contractgen/spec`, which adds the define functions and their rules.
export type * from './model.js';
export { StabilityEnum, STABILITIES, type Stability } from './stability.js';
