/**
 * The rules one spec must satisfy on its own. Both the generator (`check`, which adds source
 * positions) and `defineIntegration`/`defineCapability` (which throw) run exactly these.
 * Rules that need the whole set of specs (uniqueness, capability lookup) live in the generator.
 */
import { type SpecFinding } from './findings.js';
import { type SchemaCompiler } from './schema-checks.js';
type Path = readonly (string | number)[];
/** Lower-case dotted/dashed words: safe as a folder name on every OS, never `..` or a separator. */
export declare const KEY_PATTERN: RegExp;
export declare const MAX_KEY_LENGTH = 80;
/** semver.org's regular expression. */
export declare const SEMVER_PATTERN: RegExp;
export declare function valueAt(root: unknown, path: Path): unknown;
/** What a value looks like, when it looks like a live credential rather than a placeholder. */
export declare function credentialLike(value: string): string | undefined;
/** How rules compile the schemas they check; the generator passes one that keeps the compiled code for emitting. */
export interface RuleOptions {
    readonly compile?: SchemaCompiler;
}
export declare function integrationFindings(spec: unknown, options?: RuleOptions): SpecFinding[];
export declare function capabilityFindings(spec: unknown, options?: RuleOptions): SpecFinding[];
export {};
//# sourceMappingURL=rules.d.ts.map