import type { SourcePosition } from '../diagnostics/index.js';
import type { SecretSpelling } from './secret-spellings.js';

export type SpecKind = 'integration' | 'capability';

/** A path inside a spec object, e.g. ['configSchema', 'example', 'fromNumber']. */
export type ValuePath = readonly (string | number)[];

/** One `defineIntegration`/`defineCapability` call, evaluated without running it. */
export interface LoadedSpec {
  readonly kind: SpecKind;
  /** Absolute path of the spec file. */
  readonly file: string;
  readonly exportName: string;
  /** The evaluated object literal: plain JSON-like data. */
  readonly value: unknown;
  /** Where each value came from, by `pathKey` (it may be another file, for imported constants and spreads). */
  readonly positions: ReadonlyMap<string, SourcePosition>;
  /** Where the object literal starts: the position of any path nothing more precise is known for. */
  readonly start: SourcePosition;
  /** The position of the deepest recorded ancestor of `path`: a missing field points at its parent object. */
  readonly positionOf: (path: ValuePath) => SourcePosition;
  /** The exact source text of the exported declaration, for the docs' "Source Definition". */
  readonly source: string;
  /** How its secret example is written in the sources (secret-spellings.ts): what the Source Definition masks. */
  readonly secretSpellings: readonly SecretSpelling[];
}

/** Joins the segments of a path key. */
export const PATH_SEPARATOR = '\u0000';

export function pathKey(path: ValuePath): string {
  return path.join(PATH_SEPARATOR);
}

export function createLoadedSpec(fields: Omit<LoadedSpec, 'positionOf'>): LoadedSpec {
  return {
    ...fields,
    positionOf: (path) => {
      for (let length = path.length; length >= 0; length--) {
        const position = fields.positions.get(pathKey(path.slice(0, length)));
        if (position) return position;
      }
      return fields.start;
    },
  };
}
