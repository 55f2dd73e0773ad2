/**
 * Parsed spec modules and the names they bind. Parsing uses the TypeScript compiler bundled
 * with ts-morph directly (parse.ts): skipping ts-morph's wrapper objects keeps a 1,000-spec parse
 * cheap. Every file is read through the run's input boundary: an import can no more read outside
 * the project, or block on a FIFO, than a spec file can.
 */
import { dirname, join } from 'node:path';
import { ts, type TS } from './typescript.js';
import type { Diagnostic, ErrorCode } from '../diagnostics/index.js';
import { PACKAGE_ROOT } from '../package.js';
import { sha1 } from '../values.js';
import { InputBoundary } from '../fs/input-boundary.js';
import { ABSENT, inputState } from '../fs/input-state.js';
import { parseModule, type ParsedModule } from './parse.js';
import { InputFileError, readInput } from '../fs/read-input.js';

export type { ParsedModule } from './parse.js';
export { positionAt, positionOfNode } from './positions.js';

/** What an identifier in a module refers to, as far as static evaluation cares. */
export type Binding =
  | { kind: 'const'; module: ParsedModule; declaration: TS.VariableDeclaration }
  | { kind: 'enum'; module: ParsedModule; declaration: TS.EnumDeclaration }
  | { kind: 'namespace'; module: ParsedModule }
  /** `code`: the diagnostic to report when the name is used (default CG101, not static). */
  | { kind: 'other'; module: ParsedModule; node: TS.Node; why: string; code?: ErrorCode };

const compilerOptions: TS.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowImportingTsExtensions: true,
};

/**
 * What an import resolved to, and what the resolver looked at to get there: paths where it found
 * nothing (a file appearing at one can change the answer: `./limits` is `limits.ts` before
 * `limits/index.ts`) and files it read (package.json), each with its input state.
 */
interface Resolution {
  readonly file: string | undefined;
  readonly probes: ReadonlyMap<string, string>;
}

export class ModuleGraph {
  private readonly modules = new Map<string, ParsedModule>();
  private readonly seen = new Set<string>();
  /** By importing folder and specifier; TypeScript's own resolution cache would skip the lookups a resolution must record. */
  private readonly resolutions = new Map<string, Resolution>();

  /** Content hash of the exact bytes each file was parsed from (the cache's record of what a spec was made from). */
  private readonly hashes = new Map<string, string>();

  constructor(readonly boundary: InputBoundary = InputBoundary.workingDirectory()) {}

  hashOf(file: string): string | undefined {
    return this.hashes.get(file);
  }

  /** Files read, and resolver lookups made, while `record` runs: what a spec's value depends on. */
  private recording: { readonly files: Set<string>; readonly probes: Map<string, string> } | undefined;

  /** `probes`: input states of what import resolution looked at (see Resolution), files read aside. */
  record<T>(run: () => T): { result: T; files: string[]; probes: Record<string, string> } {
    const outer = this.recording;
    const recording = { files: new Set<string>(), probes: new Map<string, string>() };
    this.recording = recording;
    try {
      const result = run();
      const probes = [...recording.probes].filter(([path]) => !recording.files.has(path)).sort(([a], [b]) => (a < b ? -1 : 1));
      return { result, files: [...recording.files].sort(), probes: Object.fromEntries(probes) };
    } finally {
      this.recording = outer;
      if (outer) {
        for (const file of recording.files) outer.files.add(file);
        for (const [path, state] of recording.probes) outer.probes.set(path, state);
      }
    }
  }

  /** Throws an InputFileError for a file that may not be read (or is not UTF-8), and read errors as they are. */
  get(file: string): ParsedModule {
    let module = this.modules.get(file);
    if (!module) {
      const { text, bytes } = readInput(file, this.boundary);
      this.hashes.set(file, sha1(bytes));
      module = parseModule(file, text);
      this.modules.set(file, module);
      this.seen.add(file);
    }
    // Recorded once read: a file that was refused is never hashed or watched either.
    this.recording?.files.add(file);
    return module;
  }

  /** The module, or why it cannot be read as a diagnostic (for imports, which must not throw out of evaluation). */
  tryGet(file: string): ParsedModule | Diagnostic {
    try {
      return this.get(file);
    } catch (error) {
      if (error instanceof InputFileError) return error.diagnostic;
      return { code: 'CG100', severity: 'error', file, message: `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
  }

  /** Every file parsed so far: the spec files and whatever they import. */
  files(): string[] {
    return [...this.seen];
  }

  /**
   * Keeps, for a run to come, the modules whose file still holds the bytes they were parsed from
   * (`current`), and forgets every import resolution (what a lookup found can change between runs).
   */
  keepCurrent(current: (file: string, hash: string) => boolean): void {
    for (const [file, hash] of this.hashes) {
      if (current(file, hash)) continue;
      this.modules.delete(file);
      this.hashes.delete(file);
      this.seen.delete(file);
    }
    this.resolutions.clear();
  }

  /** Forgets a file's syntax tree (it is parsed again if something asks for it later). */
  release(file: string): void {
    this.modules.delete(file);
  }

  resolveImport(specifier: string, fromFile: string): string | undefined {
    const key = `${dirname(fromFile)}\u0000${specifier}`;
    let resolution = this.resolutions.get(key);
    if (!resolution) {
      resolution = resolveRecorded(specifier, fromFile);
      this.resolutions.set(key, resolution);
    }
    if (this.recording) for (const [path, state] of resolution.probes) this.recording.probes.set(path, state);
    return resolution.file;
  }

  /** Resolves a name used in `module` to the declaration it binds, following imports and re-exports. */
  lookupLocal(module: ParsedModule, name: string, seen = new Set<string>()): Binding | undefined {
    for (const statement of module.sourceFile.statements) {
      const found = this.bindingIn(module, statement, name, seen);
      if (found) return found;
    }
    return undefined;
  }

  /** The binding `statement` introduces for `name`, if it introduces one. */
  private bindingIn(module: ParsedModule, statement: TS.Statement, name: string, seen: Set<string>): Binding | undefined {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name) continue;
        if (!(statement.declarationList.flags & ts.NodeFlags.Const)) {
          return { kind: 'other', module, node: declaration, why: `"${name}" is not a const, so its value can change` };
        }
        return { kind: 'const', module, declaration };
      }
    } else if (ts.isEnumDeclaration(statement) && statement.name.text === name) {
      return { kind: 'enum', module, declaration: statement };
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name) {
      return { kind: 'other', module, node: statement, why: `"${name}" is a ${ts.isClassDeclaration(statement) ? 'class' : 'function'}` };
    } else if (ts.isImportDeclaration(statement) && statement.importClause && !statement.importClause.isTypeOnly) {
      const clause = statement.importClause;
      const target = () => this.moduleOf(statement, module);
      if (clause.name?.text === name) {
        const resolved = target();
        return isModule(resolved) ? this.lookupExport(resolved, 'default', seen) : resolved;
      }
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name) {
        const resolved = target();
        return isModule(resolved) ? { kind: 'namespace', module: resolved } : resolved;
      }
      if (bindings && ts.isNamedImports(bindings)) {
        const element = bindings.elements.find((e) => e.name.text === name);
        if (element) {
          const resolved = target();
          return isModule(resolved) ? this.lookupExport(resolved, (element.propertyName ?? element.name).text, seen) : resolved;
        }
      }
    }
    return undefined;
  }

  /** Resolves an exported name of `module`. */
  lookupExport(module: ParsedModule, name: string, seen = new Set<string>()): Binding | undefined {
    const visit = `${module.file}#${name}`;
    if (seen.has(visit)) return undefined; // re-export cycle
    seen.add(visit);
    for (const statement of module.sourceFile.statements) {
      const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (exported && (ts.isVariableStatement(statement) || ts.isEnumDeclaration(statement) || ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement))) {
        const found = this.bindingIn(module, statement, name, seen);
        if (found) return found;
      }
      if (ts.isExportAssignment(statement) && name === 'default' && !statement.isExportEquals) {
        return ts.isIdentifier(statement.expression)
          ? this.lookupLocal(module, statement.expression.text, seen)
          : { kind: 'other', module, node: statement.expression, why: 'a default export that is not a named constant' };
      }
      if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
        const target = statement.moduleSpecifier ? this.moduleOf(statement, module) : undefined;
        if (!statement.exportClause) {
          const found = isModule(target) && this.lookupExport(target, name, seen);
          if (found) return found;
        } else if (ts.isNamedExports(statement.exportClause)) {
          for (const element of statement.exportClause.elements) {
            if (element.name.text !== name) continue;
            const local = (element.propertyName ?? element.name).text;
            if (target) return isModule(target) ? this.lookupExport(target, local, seen) : target;
            return this.lookupLocal(module, local, seen);
          }
        }
      }
    }
    return undefined;
  }

  /** The module an import or re-export names, or the binding that says why it cannot be used (unresolved, refused, unreadable). */
  private moduleOf(statement: TS.ImportDeclaration | TS.ExportDeclaration, module: ParsedModule): ParsedModule | Binding {
    const specifier = statement.moduleSpecifier;
    const text = specifier && ts.isStringLiteral(specifier) ? specifier.text : undefined;
    const file = text === undefined ? undefined : this.resolveImport(text, module.file);
    if (!file) return { kind: 'other', module, node: statement, why: `module "${text ?? '?'}" could not be resolved to a TypeScript source file` };
    const target = this.tryGet(file);
    if (isModule(target)) return target;
    // Reported at the import, where the spec asks for the file: a refused file is never shown.
    const where = target.line === undefined ? '' : ` (line ${target.line}, column ${target.column ?? 1} of that file)`;
    return { kind: 'other', module, node: statement, why: `module "${text}" cannot be used: ${target.message}${where}`, code: target.severity === 'error' ? target.code : undefined };
  }
}

/** Resolves an import the way TypeScript does, recording every path it found nothing at and every file it read. */
function resolveRecorded(specifier: string, fromFile: string): Resolution {
  const probes = new Map<string, string>();
  const missing = (path: string, found: boolean) => {
    if (!found) probes.set(path, ABSENT);
    return found;
  };
  const host: TS.ModuleResolutionHost = {
    fileExists: (path) => missing(path, ts.sys.fileExists(path)),
    directoryExists: (path) => missing(path, ts.sys.directoryExists(path)),
    readFile: (path) => {
      // Not a regular file (a FIFO would block the read): not read.
      const state = inputState(path);
      if (state !== undefined) probes.set(path, state);
      return state === undefined || state === ABSENT ? undefined : ts.sys.readFile(path);
    },
    realpath: ts.sys.realpath,
    getCurrentDirectory: ts.sys.getCurrentDirectory,
    getDirectories: ts.sys.getDirectories,
  };
  const resolve = (from: string) => ts.resolveModuleName(specifier, from, compilerOptions, host).resolvedModule?.resolvedFileName;
  // contractgen's own modules (`contractgen/spec`) resolve from the running generator when the
  // spec's folder cannot see a contractgen install (a spec package under a strict node_modules
  // layout): StabilityEnum then has one source of truth, the generator's own declarations.
  const resolved = resolve(fromFile) ?? (/^contractgen(\/|$)/.test(specifier) ? resolve(join(PACKAGE_ROOT, 'package.json')) : undefined);
  // TypeScript sources, and declaration files: a compiled package's .d.ts keeps its enums'
  // values and its literal consts (a `declare const` without a value is reported as not static).
  return { file: resolved && /\.(m|c)?ts$/.test(resolved) ? resolved : undefined, probes };
}

export function isModule(value: ParsedModule | Binding | Diagnostic | undefined): value is ParsedModule {
  return value !== undefined && 'sourceFile' in value;
}
