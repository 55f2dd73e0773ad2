/** Lifecycle stage of an integration or capability. The string values are what specs and generated code carry. */
export var StabilityEnum;
(function (StabilityEnum) {
    StabilityEnum["Idea"] = "idea";
    StabilityEnum["InCreation"] = "in_creation";
    StabilityEnum["Experimental"] = "experimental";
    StabilityEnum["Beta"] = "beta";
    StabilityEnum["Stable"] = "stable";
    StabilityEnum["Deprecated"] = "deprecated";
})(StabilityEnum || (StabilityEnum = {}));
export const STABILITIES = Object.values(StabilityEnum);
//# sourceMappingURL=stability.js.map