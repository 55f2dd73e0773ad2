export declare function main(argv: readonly string[]): Promise<number>;
//# sourceMappingURL=main.d.ts.map