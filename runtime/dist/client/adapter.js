/**
 * Declares an adapter. The key is kept as a literal type, so binding an adapter for one
 * integration to another integration's client fails to compile.
 */
export function defineAdapter(adapter) {
    return adapter;
}
//# sourceMappingURL=adapter.js.map