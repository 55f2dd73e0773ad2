/** check: the spec rules, one spec at a time (where it is loaded) and across every spec (on summaries). */
export { checkSpec } from './spec.js';
export { checkProject } from './project.js';
export { bindAdapters } from './bind-adapters.js';
