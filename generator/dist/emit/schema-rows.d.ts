type Schema = Record<string, unknown>;
export interface SchemaRow {
    readonly name: string;
    readonly type: string;
    readonly required: boolean;
    readonly description?: string;
    /** Already rendered for a Markdown cell. */
    readonly example: string;
}
export declare function schemaRows(schema: unknown, example: unknown, options?: {
    redact?: boolean;
}): SchemaRow[];
/** A short human label: `string`, `"a" \| "b"`, `string[]`, `one of: text, media`. */
export declare function typeLabel(node: Schema, root: Schema, depth?: number): string;
export {};
//# sourceMappingURL=schema-rows.d.ts.map