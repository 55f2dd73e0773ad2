/**
 * Declarations for one schema, rooted at `typeName`. Named sub-schemas (definitions, titled
 * schemas) are prefixed with `typeName` so two schemas in one file never declare the same name.
 */
export declare function schemaToTypeScript(schema: object, typeName: string): Promise<string>;
//# sourceMappingURL=json-schema-types.d.ts.map