/** Lifecycle stage of an integration or capability. The string values are what specs and generated code carry. */
export declare enum StabilityEnum {
    Idea = "idea",
    InCreation = "in_creation",
    Experimental = "experimental",
    Beta = "beta",
    Stable = "stable",
    Deprecated = "deprecated"
}
export type Stability = `${StabilityEnum}`;
export declare const STABILITIES: readonly Stability[];
//# sourceMappingURL=stability.d.ts.map