/**
 * `contractgen.config.{ts,mjs,json}`: project settings, so a build step runs bare `contractgen`.
 * Paths in it are relative to the config file's folder, which is the project root.
 */
/** The generated artifacts that can be switched off. */
export interface ArtifactToggles {
    /** Config/secret types and capability operation types (`types.ts`). */
    readonly types?: boolean;
    /** Precompiled validators (`validators.ts`, `validate.js`); need types. */
    readonly validators?: boolean;
    /** Spec constants (`spec.ts`). */
    readonly spec?: boolean;
    /** Typed clients and health checks (`client.ts`); need types, validators and spec. */
    readonly clients?: boolean;
    /** Markdown docs and the catalog. */
    readonly docs?: boolean;
    /** The root registry (`index.ts`); needs spec. */
    readonly registry?: boolean;
}
export type Artifact = keyof ArtifactToggles;
export declare const ARTIFACTS: readonly Artifact[];
export interface ContractgenConfig {
    /** Folder of spec files (default `specs`). */
    readonly specs?: string;
    /** Output folder (default `generated`). */
    readonly out?: string;
    /** Folder of hand-written adapters (default `adapters`). */
    readonly adapters?: string;
    /** Folder(s) of template overrides: a file there replaces the built-in template or partial of the same name. */
    readonly templates?: string | readonly string[];
    /** Where docs go (default `<out>/docs`). */
    readonly docsOut?: string;
    readonly artifacts?: ArtifactToggles;
    /** Module generated code imports the runtime from (default `@contractgen/runtime`). */
    readonly runtimeImport?: string;
    /**
     * Installed spec packages, e.g. `['@contractgen/twilio']`: their capability and integration specs
     * load like local ones, and their adapters bind by package specifier.
     */
    readonly packages?: readonly string[];
}
/** Types a config file: `export default defineConfig({ out: 'src/generated' })`. */
export declare function defineConfig(config: ContractgenConfig): ContractgenConfig;
/** Problems with a config value, as messages naming the field. */
export declare function configProblems(config: unknown): string[];
export declare function enabledArtifacts(toggles?: ArtifactToggles): Set<Artifact>;
//# sourceMappingURL=config.d.ts.map