export { createValidator, ValidationError } from './validator.js';
//# sourceMappingURL=index.js.map