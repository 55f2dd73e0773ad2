export type * from './model.js';
export { StabilityEnum, STABILITIES, type Stability } from './stability.js';
//# sourceMappingURL=index.d.ts.map