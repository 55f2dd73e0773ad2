/** A provider at version `provided` can serve a request for `wanted`: same major version, and at least as new. */
export function versionSatisfies(provided, wanted) {
    const parse = (v) => v.split(/[-+]/)[0].split('.').map(Number);
    const [p, w] = [parse(provided), parse(wanted)];
    if (p[0] !== w[0])
        return false;
    return p[1] > w[1] || (p[1] === w[1] && p[2] >= w[2]);
}
//# sourceMappingURL=semver.js.map