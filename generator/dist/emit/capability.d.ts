import { type EmitCapability, type EmitContext, type OutputFile } from './context.js';
/** Type names of a capability's members, shared by the code and docs emitters. */
export declare function capabilityNames(capability: EmitCapability): {
    interfaceName: string;
    eventUnionName: string;
    operations: {
        name: string;
        operation: import("@contractgen/runtime").OperationSpec;
        description: string;
        idempotent: boolean;
        inputType: string;
        outputType: string;
        validator: string;
    }[];
    events: {
        name: string;
        event: import("@contractgen/runtime").EventSpec;
        payloadType: string;
    }[];
};
export declare function emitCapability(capability: EmitCapability, context: EmitContext): Promise<OutputFile[]>;
//# sourceMappingURL=capability.d.ts.map