export interface SerializedError {
    readonly name: string;
    readonly message: string;
    readonly stack?: string;
    readonly file?: string;
    readonly line?: number;
    readonly column?: number;
}
export declare function serializeError(error: unknown): SerializedError;
export declare function deserializeError(data: SerializedError): Error;
//# sourceMappingURL=errors.d.ts.map