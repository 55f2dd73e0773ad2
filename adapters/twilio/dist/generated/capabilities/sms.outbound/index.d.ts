export type * from "./types.js";
//# sourceMappingURL=index.d.ts.map