export declare class TemplateError extends Error {
    readonly file: string;
    readonly line?: number | undefined;
    readonly column?: number | undefined;
    constructor(file: string, message: string, line?: number | undefined, column?: number | undefined);
}
export declare class TemplateSet {
    private readonly handlebars;
    private readonly sources;
    private readonly compiled;
    constructor(dirs?: readonly string[]);
    render(name: string, data: object): string;
}
//# sourceMappingURL=templates.d.ts.map