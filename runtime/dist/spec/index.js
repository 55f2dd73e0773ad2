export { StabilityEnum, STABILITIES } from './stability.js';
//# sourceMappingURL=index.js.map