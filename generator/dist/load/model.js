/** Joins the segments of a path key. */
export const PATH_SEPARATOR = '\u0000';
export function pathKey(path) {
    return path.join(PATH_SEPARATOR);
}
export function createLoadedSpec(fields) {
    return {
        ...fields,
        positionOf: (path) => {
            for (let length = path.length; length >= 0; length--) {
                const position = fields.positions.get(pathKey(path.slice(0, length)));
                if (position)
                    return position;
            }
            return fields.start;
        },
    };
}
//# sourceMappingURL=model.js.map