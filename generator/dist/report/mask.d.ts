/**
 * Code frames quote spec sources, and a spec's `secretSchema.example` may hold something that
 * looks like (or is) a real credential: every such string is masked, same length, so columns stay right.
 */
export declare function maskSecrets(text: string, secrets: ReadonlySet<string>): string;
/** Every string in an evaluated secret example (wherever in the source it came from). */
export declare function collectSecretValues(value: unknown, into: Set<string>): void;
export declare function secretExampleOf(spec: unknown): unknown;
//# sourceMappingURL=mask.d.ts.map