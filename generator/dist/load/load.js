/**
 * load: finds each exported `defineIntegration(...)` / `defineCapability(...)` call in the spec
 * files and evaluates its object literal statically, keeping every value's source position.
 */
import { ts } from 'ts-morph';
import { collectSecretValues, maskSecrets, secretExampleOf } from '../report/mask.js';
import { StaticEvaluator } from './evaluate.js';
import { createLoadedSpec } from './model.js';
import { isModule, ModuleGraph, positionOfNode } from './modules.js';
import { InputFileError, readInputText } from './read-input.js';
import { strayDefineCalls } from './stray-calls.js';
const DEFINE_FUNCTIONS = { defineIntegration: 'integration', defineCapability: 'capability' };
const DEFINE_CALLEES = new Set(Object.keys(DEFINE_FUNCTIONS));
export function loadSpecs(files, graph = new ModuleGraph(), reuse = () => undefined) {
    const evaluator = new StaticEvaluator(graph);
    const specs = [];
    const diagnostics = [];
    const secrets = new Set();
    const dependencies = new Map();
    const fileDiagnostics = new Map();
    for (const file of files) {
        const reused = reuse(file);
        if (reused) {
            for (const spec of reused.specs)
                collectSecretValues(secretExampleOf(spec.value), secrets);
            specs.push(...reused.specs);
            diagnostics.push(...reused.diagnostics);
            continue;
        }
        const before = diagnostics.length;
        const { files: read } = graph.record(() => loadFile(file, graph, evaluator, specs, diagnostics, secrets));
        dependencies.set(file, read);
        fileDiagnostics.set(file, diagnostics.slice(before));
        // Values and positions are plain data now: drop the syntax tree (a 1,000-spec run would keep them all).
        graph.release(file);
    }
    // Files the specs import but that are not specs themselves (e.g. shared constants outside the
    // specs folder): a syntax error there would otherwise be evaluated from a recovered tree, silently.
    const specFiles = new Set(files);
    for (const file of graph.files()) {
        if (specFiles.has(file))
            continue;
        const module = graph.tryGet(file);
        if (isModule(module))
            diagnostics.push(...module.problems);
        else
            diagnostics.push(module);
    }
    const masked = new Map();
    const sourceText = (file) => {
        let text = masked.get(file);
        if (text === undefined) {
            try {
                text = maskSecrets(readInputText(file, graph.boundary, { lossy: true }), secrets);
            }
            catch {
                return undefined;
            }
            masked.set(file, text);
        }
        return text;
    };
    return { specs, diagnostics, files: graph.files(), sourceText, dependencies, fileDiagnostics };
}
function loadFile(file, graph, evaluator, specs, diagnostics, secrets) {
    let module;
    try {
        module = graph.get(file);
    }
    catch (error) {
        if (error instanceof InputFileError)
            diagnostics.push(error.diagnostic);
        else
            diagnostics.push({ code: 'CG100', severity: 'error', file, message: `cannot read spec file: ${error.code ?? error.message}` });
        return;
    }
    const exportedLocals = localExports(module.sourceFile);
    const read = new Set();
    for (const statement of module.sourceFile.statements) {
        for (const found of specCalls(statement, exportedLocals)) {
            collectSecretLiterals(found.call, secrets);
            read.add(found.call);
        }
    }
    if (module.problems.length > 0) {
        diagnostics.push(...module.problems);
        return;
    }
    diagnostics.push(...strayDefineCalls(module.sourceFile, DEFINE_CALLEES, read));
    for (const statement of module.sourceFile.statements) {
        for (const found of specCalls(statement, exportedLocals)) {
            const kind = DEFINE_FUNCTIONS[found.callee];
            if (!found.exportName) {
                diagnostics.push({
                    code: 'CG102',
                    severity: 'warning',
                    message: `${found.callee}(...) is not exported, so it is not generated`,
                    hint: 'export the constant: `export const mySpec = ...`',
                    ...positionOfNode(found.call),
                });
                continue;
            }
            const spec = loadCall(evaluator, module, statement, found.call, kind, found.exportName, diagnostics);
            if (spec) {
                specs.push(spec);
                collectSecretValues(secretExampleOf(spec.value), secrets);
            }
        }
    }
}
/**
 * The string literals written inline under `secretSchema: { example: ... }` of a define call, read
 * from the syntax tree: they are masked even when the spec cannot be evaluated (syntax error, CG101).
 */
function collectSecretLiterals(call, into) {
    const property = (node, name) => node && ts.isObjectLiteralExpression(node)
        ? node.properties.find((p) => ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && p.name.text === name)?.initializer
        : undefined;
    const example = property(property(call.arguments[0], 'secretSchema'), 'example');
    const visit = (node) => {
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
            into.add(node.text);
        else
            node.forEachChild(visit);
    };
    if (example)
        visit(example);
}
/** Local names exported by an export clause (`export { spec }`, `export { spec as twilio }`) or `export default spec`. */
function localExports(sourceFile) {
    const exported = new Map();
    for (const statement of sourceFile.statements) {
        if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && !statement.isTypeOnly && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
            for (const element of statement.exportClause.elements) {
                const local = (element.propertyName ?? element.name).text;
                if (!element.isTypeOnly && !exported.has(local))
                    exported.set(local, element.name.text);
            }
        }
        else if (ts.isExportAssignment(statement) && !statement.isExportEquals && ts.isIdentifier(statement.expression) && !exported.has(statement.expression.text)) {
            exported.set(statement.expression.text, 'default');
        }
    }
    return exported;
}
function loadCall(evaluator, module, statement, call, kind, exportName, diagnostics) {
    const [argument, ...extra] = call.arguments;
    if (!argument || extra.length > 0) {
        diagnostics.push({ code: 'CG101', severity: 'error', message: `${call.expression.getText()} takes exactly one object literal`, ...positionOfNode(call) });
        return undefined;
    }
    const sink = { positions: new Map(), diagnostics: [] };
    const value = evaluator.evaluate(argument, module, [], sink);
    diagnostics.push(...sink.diagnostics);
    if (sink.diagnostics.some((d) => d.severity === 'error'))
        return undefined;
    return createLoadedSpec({
        kind,
        file: module.file,
        exportName,
        value,
        positions: sink.positions,
        start: positionOfNode(argument),
        source: module.text.slice(statement.getStart(module.sourceFile), statement.getEnd()),
    });
}
/** The define calls a top-level statement makes: `export const x = defineIntegration({...})` or `export default defineCapability({...})`. */
function specCalls(statement, exportedLocals) {
    const asCall = (expression) => {
        let node = expression;
        while (node && (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node)))
            node = node.expression;
        return node && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && DEFINE_CALLEES.has(node.expression.text) ? node : undefined;
    };
    if (ts.isVariableStatement(statement)) {
        const exported = ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
        return statement.declarationList.declarations.flatMap((declaration) => {
            const call = asCall(declaration.initializer);
            if (!call)
                return [];
            const name = declaration.name.getText();
            return [{ callee: call.expression.text, call, exportName: exported ? name : exportedLocals.get(name) }];
        });
    }
    if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
        const call = asCall(statement.expression);
        return call ? [{ callee: call.expression.text, call, exportName: 'default' }] : [];
    }
    if (ts.isExpressionStatement(statement)) {
        const call = asCall(statement.expression);
        return call ? [{ callee: call.expression.text, call }] : [];
    }
    return [];
}
//# sourceMappingURL=load.js.map