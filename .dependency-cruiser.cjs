/**
 * The architecture, checked (test/architecture.test.ts runs this in `npm test`):
 *   - no import cycle, type-only imports included;
 *   - the runtime imports nothing of the generator, the adapters or the stores;
 *   - an adapter package (adapters/<name>/, its spec files aside: they import `contractgen/spec`)
 *     and a store package import only the runtime, besides their own files and npm packages;
 *   - the generator's layers import only downward: the helpers (diagnostics, fs, report, values,
 *     package, probes, profiler) below everything, then the rules of one spec, and the stages
 *     load <- check <- plan <- emit <- artifacts <- write, then the options (config/, options.ts),
 *     the run (cache, parallel, pipeline) and the entry points (generate, watch, cli, new, index).
 * TypeScript is read by swc: dependency-cruiser's own TypeScript reader needs the typescript
 * package's compiler API, which typescript@7 (the native compiler this repository builds with) has not.
 */
const LAYERS = [
  ['helpers', '^generator/((diagnostics|fs|report)/|(values|package|probes|profiler)[.]ts$)'],
  ['spec-rules', '^generator/spec-rules/'],
  ['load', '^generator/load/'],
  ['check', '^generator/check/'],
  ['plan', '^generator/plan/'],
  ['emit', '^generator/emit/'],
  ['artifacts', '^generator/artifacts/'],
  ['write', '^generator/write/'],
  ['options', '^generator/(config/|options[.]ts$)'],
  ['run', '^generator/(cache|parallel|pipeline)/'],
  ['entry points', '^generator/((cli|new|watch)/|(generate|watch|index)[.]ts$)'],
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle, type-only imports included: modules that cannot be understood (or loaded) one after the other.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'runtime-stands-alone',
      comment: 'The runtime is all that generated code needs at run time: it imports nothing of the generator, the adapters or the stores.',
      severity: 'error',
      from: { path: '^runtime/' },
      to: { path: '^(generator|adapters|stores)/' },
    },
    {
      name: 'packages-build-on-the-runtime-only',
      comment: 'An adapter or store package imports the runtime, its own files and npm packages: nothing of the generator or of another package.',
      severity: 'error',
      from: { path: '^((adapters|stores)/[^/]+)/', pathNot: '^adapters/[^/]+/specs/' },
      to: { path: '^(generator|adapters|stores)/', pathNot: '^$1/' },
    },
    ...LAYERS.slice(0, -1).map(([name, path], index) => ({
      name: `generator-${name}-imports-only-downward`,
      comment: `The generator's ${name} import nothing of the layers above them (${LAYERS.slice(index + 1).map(([above]) => above).join(', ')}).`,
      severity: 'error',
      from: { path },
      to: { path: LAYERS.slice(index + 1).map(([, above]) => `(${above})`).join('|') },
    })),
    {
      name: 'every-generator-module-has-a-layer',
      comment: 'A new folder or top-level file of the generator gets its place in LAYERS, so the rules above cover it.',
      severity: 'error',
      from: { path: '^generator/', pathNot: LAYERS.map(([, path]) => `(${path})`).join('|') },
      to: {},
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    includeOnly: '^(generator|runtime|adapters|stores)/',
    exclude: { path: '(^|/)(dist|node_modules)/' },
    doNotFollow: { path: 'node_modules' },
  },
};
