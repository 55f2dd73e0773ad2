/**
 * The spec model is defined once, as JSON Schema (generator/spec-rules/model-schema.ts): the
 * TypeScript types in runtime/spec-model/model.ts are generated from it (`npm run spec-model`) and
 * must be exactly what it gives, like generated/ is what the specs give.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPEC_MODEL_TYPES_FILE, specModelTypes } from '../scripts/spec-model-types.js';

describe('the spec model', () => {
  it('runtime/spec-model/model.ts is what its JSON Schema gives (run `npm run spec-model` after changing the schema)', async () => {
    expect(readFileSync(SPEC_MODEL_TYPES_FILE, 'utf8')).toBe(await specModelTypes());
  });
});
