/**
 * What processing a spec file loads (the TypeScript parser, ajv, json-schema-to-typescript,
 * Handlebars, the artifacts' code), loaded ahead of need: a watch process whose first run answered
 * from the cache does it while the user has not saved yet, so that the first save does not wait
 * for half a second of module loading, nor for the spec model's validators to compile (most of
 * another second at the first spec checked).
 */
import { enabledArtifacts, loadArtifacts } from '../artifacts/index.js';
import { loadJsonSchemaToTypeScript } from '../emit/json2ts-without-prettier.js';
import type { ResolvedOptions } from '../options.js';

export async function preloadPipeline(options: ResolvedOptions): Promise<void> {
  await import('./index.js');
  await import('./spec-file.js');
  (await import('../spec-rules/rules.js')).compileSpecModels();
  await loadArtifacts(enabledArtifacts(options.artifacts));
  loadJsonSchemaToTypeScript();
}
