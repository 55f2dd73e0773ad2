import { bindAdapters } from './check/bind-adapters.js';
import { checkSpecs } from './check/check.js';
import { hashFiles, outputsIntact } from './cache/store.js';
import { enabledArtifacts } from './config/config.js';
import { hasErrors, sortDiagnostics } from './diagnostics.js';
import { createEmitContext } from './emit/context.js';
import { emitAll, unitSchemas } from './emit/emit.js';
import { ValidatorCompiler } from './emit/standalone-validators.js';
import { TemplateError } from './emit/templates.js';
import { DEFAULT_TEMPLATES_DIR, GENERATOR_VERSION } from './package.js';
import { findAdapters } from './load/adapters.js';
import { loadSpecs } from './load/load.js';
import { createLoadedSpec, PATH_SEPARATOR } from './load/model.js';
import { ModuleGraph } from './load/modules.js';
import { outputTargets } from './options.js';
import { OutputSession } from './write/write.js';
import { Workers } from './parallel/workers.js';
const untimed = (_stage, run) => run();
/** Content hashes, computed once per run and only for the files asked about. */
class Hashes {
    known;
    constructor(known = new Map()) {
        this.known = known;
    }
    get(file) {
        if (!this.known.has(file))
            this.known.set(file, hashFiles([file]).get(file));
        return this.known.get(file);
    }
}
export async function loadAndCheck(options, inputs, cache, time = untimed, validators = new ValidatorCompiler(), workers = new Workers(0), knownHashes) {
    const hashes = new Hashes(knownHashes);
    const empty = (diagnostic) => ({
        model: { integrations: [], capabilities: [] },
        diagnostics: [diagnostic],
        sourceText: () => undefined,
        specFiles: [],
        adapterFiles: [],
        specFileData: {},
        inputs: new Map(),
    });
    if (hasErrors(inputs.diagnostics))
        return { ...empty(inputs.diagnostics[0]), diagnostics: [...inputs.diagnostics] };
    const { specFiles, adapterFiles, packages } = inputs;
    // A spec file is reused when it and every file its evaluation read are byte-identical to last time.
    const reusedFindings = new Map();
    const reusable = (file) => {
        const entry = cache?.specFileData[file];
        return entry && entry.deps.every((dep) => hashes.get(dep) !== undefined && hashes.get(dep) === cache.inputs[dep]) ? entry : undefined;
    };
    // A big cold run: start the worker threads now, so they boot while this thread parses.
    workers.get(specFiles.filter((file) => !reusable(file)).length);
    const graph = new ModuleGraph(inputs.boundary);
    const loaded = time('load', () => loadSpecs(specFiles, graph, (file) => {
        const entry = reusable(file);
        if (!entry)
            return undefined;
        const specs = entry.specs.map((serialized) => {
            const spec = deserialize(file, serialized);
            reusedFindings.set(spec, serialized.findings);
            return spec;
        });
        return { specs, diagnostics: entry.diagnostics };
    }));
    const local = time('load', () => findAdapters(adapterFiles, graph));
    const adapters = { adapters: [...packages.flatMap((p) => p.adapters), ...local.adapters], diagnostics: local.diagnostics };
    // The single-spec rules (which compile every schema) run on the worker threads when there are
    // many to run; checkSpecs then takes their findings as it takes reused ones.
    const freshFindings = new Map();
    const pool = workers.get(loaded.specs.length - reusedFindings.size);
    if (pool) {
        await time('check', () => Promise.all(loaded.specs
            .filter((spec) => !reusedFindings.has(spec))
            .map(async (spec) => {
            const { findings, code } = await pool.run({ type: 'rules', kind: spec.kind, value: spec.value });
            validators.add(code);
            freshFindings.set(spec, findings);
        })));
    }
    const checked = time('check', () => {
        const reuse = (spec) => reusedFindings.get(spec) ?? freshFindings.get(spec);
        const result = checkSpecs(loaded.specs, { reuse, root: options.root, compile: validators.compile });
        const bound = bindAdapters(result.model, adapters.adapters);
        return { model: bound.model, diagnostics: [...result.diagnostics, ...bound.diagnostics], findings: result.findings };
    });
    const specFileData = {};
    for (const file of specFiles) {
        const previous = reusable(file);
        if (previous) {
            specFileData[file] = previous;
            continue;
        }
        const diagnostics = loaded.fileDiagnostics.get(file) ?? [];
        if (hasErrors(diagnostics))
            continue;
        const specs = loaded.specs.filter((s) => s.file === file);
        specFileData[file] = { deps: loaded.dependencies.get(file) ?? [file], specs: specs.map((s) => serialize(s, checked.findings.get(s) ?? [])), diagnostics };
    }
    const inputHashes = new Map();
    const manifests = packages.map((p) => p.manifest);
    for (const file of [...new Set([...specFiles, ...adapterFiles, ...manifests, ...graph.files(), ...Object.values(specFileData).flatMap((d) => d.deps)])].sort()) {
        const hash = hashes.get(file);
        if (hash !== undefined)
            inputHashes.set(file, hash);
    }
    return {
        model: checked.model,
        diagnostics: [...loaded.diagnostics, ...adapters.diagnostics, ...checked.diagnostics],
        sourceText: loaded.sourceText,
        specFiles,
        adapterFiles,
        specFileData,
        inputs: inputHashes,
    };
}
/** `inputHashes`: content hashes of input files read by the caller already (this run's, not the cache's). */
export async function runPipeline(options, inputs, cache, tool, timings, inputHashes) {
    const time = (stage, run) => {
        const start = performance.now();
        const stop = () => (timings[stage] = (timings[stage] ?? 0) + performance.now() - start);
        let result;
        try {
            result = run();
        }
        catch (error) {
            stop();
            throw error;
        }
        if (result instanceof Promise)
            return result.finally(stop);
        stop();
        return result;
    };
    // Schemas compiled while checking examples are not compiled again to emit their validators.
    const validators = new ValidatorCompiler();
    const workers = new Workers(options.workers);
    try {
        return await loadCheckEmit();
    }
    finally {
        await workers.close();
    }
    async function loadCheckEmit() {
        const project = await loadAndCheck(options, inputs, cache, time, validators, workers, inputHashes);
        const diagnostics = [...project.diagnostics];
        const specs = specList(project.model);
        const result = (ok, files = []) => ({
            ok: ok && !hasErrors(diagnostics),
            diagnostics: sortDiagnostics(diagnostics),
            specs,
            files,
            timings,
            sourceText: project.sourceText,
        });
        // A failed run writes nothing: not even the files of the specs that were fine.
        if (hasErrors(diagnostics) || options.mode === 'validate')
            return { result: result(true) };
        const output = new OutputSession(outputTargets(options), options.mode === 'write');
        // Interrupted (Ctrl-C, CI cancel) while files are staged: remove them, so the output folder is
        // left as it was. Exits unless someone else (watch mode) handles the signal.
        const interrupted = (signal) => {
            output.abort();
            if (process.listenerCount(signal) === 0)
                process.exit(130);
        };
        process.once('SIGINT', interrupted);
        process.once('SIGTERM', interrupted);
        try {
            return await emitAndWrite();
        }
        finally {
            process.off('SIGINT', interrupted);
            process.off('SIGTERM', interrupted);
        }
        async function emitAndWrite() {
            let units;
            const emitStart = performance.now();
            try {
                const settings = {
                    templateDirs: [DEFAULT_TEMPLATES_DIR, ...options.templateDirs],
                    root: options.root,
                    outDir: options.outDir,
                    artifacts: [...enabledArtifacts(options.artifacts)],
                    runtimeImport: options.runtimeImport,
                    generatorVersion: GENERATOR_VERSION,
                    packages: inputs.packages.map(({ name, dir }) => ({ name, dir })),
                };
                const context = createEmitContext(settings, validators);
                units = await emitAll(project.model, context, output, {
                    emitterFor: (count) => {
                        const pool = workers.get(count);
                        if (!pool)
                            return undefined;
                        const emitter = (unit) => pool.run({ type: 'emit', unit, settings, code: validators.known(unitSchemas(unit)) });
                        return { emitter, concurrency: pool.size * 16 };
                    },
                    reuse: (unit, fingerprint) => {
                        const previous = cache?.units[unit];
                        if (!previous || !cache || previous.fingerprint !== fingerprint || !outputsIntact(previous.paths, (path) => output.absolute(path), cache.outputs))
                            return undefined;
                        return new Map(previous.paths.map((path) => [path, cache.outputs[path]]));
                    },
                });
            }
            catch (error) {
                output.abort();
                if (!(error instanceof TemplateError))
                    throw error;
                diagnostics.push({ code: 'CG201', severity: 'error', file: error.file, line: error.line, column: error.column, message: `template failed: ${error.message}` });
                return { result: result(false) };
            }
            finally {
                timings.emit = (timings.emit ?? 0) + performance.now() - emitStart;
            }
            const summary = time('compare', () => output.finish());
            diagnostics.push(...summary.diagnostics);
            if (output.wasAborted) {
                diagnostics.push({ code: 'CG303', severity: 'error', message: 'interrupted: nothing was written' });
                return { result: result(false) };
            }
            if (hasErrors(diagnostics)) {
                output.abort();
                return { result: result(false) };
            }
            let files;
            if (options.mode === 'check') {
                const missing = new Set(summary.missing);
                const drift = [
                    ...summary.changed.map((path) => ({ path, status: (missing.has(path) ? 'missing' : 'drifted') })),
                    ...summary.stale.map((path) => ({ path, status: 'stale' })),
                ];
                for (const file of drift) {
                    diagnostics.push({ code: 'CG300', severity: 'error', file: output.absolute(file.path), message: `${file.status}: generated output is not what the specs produce`, hint: 'run `contractgen generate` and commit the result' });
                }
                files = [...drift, ...summary.unchanged.map((path) => ({ path, status: 'unchanged' }))];
                if (drift.length > 0)
                    return { result: result(false, files) };
            }
            else {
                time('write', () => output.commit());
                files = [
                    ...summary.changed.map((path) => ({ path, status: 'written' })),
                    ...summary.unchanged.map((path) => ({ path, status: 'unchanged' })),
                    ...summary.stale.map((path) => ({ path, status: 'removed' })),
                ];
            }
            files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
            const done = result(true, files);
            const outputs = {};
            for (const { path, status } of files)
                if (status !== 'removed')
                    outputs[path] = output.hashes.get(path);
            return {
                result: done,
                cache: {
                    tool,
                    inputs: Object.fromEntries(project.inputs),
                    specFiles: project.specFiles,
                    adapterFiles: project.adapterFiles,
                    specFileData: project.specFileData,
                    units,
                    outputs,
                    result: { specs, diagnostics: done.diagnostics },
                },
            };
        }
    }
}
function specList(model) {
    return [
        ...model.capabilities.map((c) => ({ kind: 'capability', key: c.spec.meta.key, version: c.spec.meta.version, file: c.loaded.file })),
        ...model.integrations.map((i) => ({ kind: 'integration', key: i.spec.meta.key, version: i.spec.meta.version, file: i.loaded.file })),
    ];
}
function serialize(spec, findings) {
    const files = [];
    const fileIndex = (file) => {
        let index = files.indexOf(file);
        if (index < 0)
            index = files.push(file) - 1;
        return index;
    };
    const index = new Map();
    const segments = [];
    const parents = [];
    const coordinates = [];
    for (const [key, position] of spec.positions) {
        const cut = key.lastIndexOf(PATH_SEPARATOR);
        const parent = cut < 0 ? undefined : index.get(key.slice(0, cut));
        index.set(key, segments.length);
        segments.push(parent === undefined ? key : key.slice(cut + 1));
        parents.push(parent ?? -1);
        coordinates.push(fileIndex(position.file), position.line, position.column);
    }
    return {
        kind: spec.kind,
        exportName: spec.exportName,
        value: spec.value,
        files,
        segments,
        parents,
        coordinates,
        start: [fileIndex(spec.start.file), spec.start.line, spec.start.column],
        source: spec.source,
        findings,
    };
}
function deserialize(file, spec) {
    const position = (index, line, column) => ({ file: spec.files[index], line, column });
    const positions = new Map();
    const keys = [];
    spec.segments.forEach((segment, i) => {
        const parent = spec.parents[i];
        const key = parent < 0 ? segment : keys[parent] + PATH_SEPARATOR + segment;
        keys.push(key);
        positions.set(key, position(spec.coordinates[3 * i], spec.coordinates[3 * i + 1], spec.coordinates[3 * i + 2]));
    });
    return createLoadedSpec({
        kind: spec.kind,
        file,
        exportName: spec.exportName,
        value: spec.value,
        positions,
        start: position(...spec.start),
        source: spec.source,
    });
}
//# sourceMappingURL=pipeline.js.map