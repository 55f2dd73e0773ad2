export interface NewAnswers {
    readonly category?: string;
    readonly capability?: readonly string[];
}
export declare function askMissing(given: NewAnswers): Promise<NewAnswers>;
//# sourceMappingURL=prompt.d.ts.map