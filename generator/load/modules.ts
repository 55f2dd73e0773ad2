/**
 * Parsed spec modules and the names they bind. Parsing uses the TypeScript compiler bundled
 * with ts-morph directly (`ts.createSourceFile`): specs are read node by node, never type-checked
 * or executed, and skipping ts-morph's wrapper objects keeps a 1,000-spec parse cheap.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ts, type TS } from './typescript.js';
import type { SourcePosition } from '../diagnostics.js';
import { PACKAGE_ROOT } from '../package.js';

export interface ParsedModule {
  readonly file: string;
  readonly text: string;
  readonly sourceFile: TS.SourceFile;
  readonly syntaxErrors: readonly { position: SourcePosition; message: string }[];
}

/** What an identifier in a module refers to, as far as static evaluation cares. */
export type Binding =
  | { kind: 'const'; module: ParsedModule; declaration: TS.VariableDeclaration }
  | { kind: 'enum'; module: ParsedModule; declaration: TS.EnumDeclaration }
  | { kind: 'namespace'; module: ParsedModule }
  | { kind: 'other'; module: ParsedModule; node: TS.Node; why: string };

const compilerOptions: TS.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowImportingTsExtensions: true,
};

export class ModuleGraph {
  private readonly modules = new Map<string, ParsedModule>();
  private readonly seen = new Set<string>();
  private readonly resolutionCache = ts.createModuleResolutionCache(process.cwd(), (f) => f, compilerOptions);

  /** Content hash of the exact bytes each file was parsed from (the cache's record of what a spec was made from). */
  private readonly hashes = new Map<string, string>();

  constructor(private readonly readBytes: (file: string) => Buffer = (f) => readFileSync(f)) {}

  hashOf(file: string): string | undefined {
    return this.hashes.get(file);
  }

  /** Files read while `record` runs: what a spec's value depends on. */
  private recording: Set<string> | undefined;

  record<T>(run: () => T): { result: T; files: string[] } {
    const outer = this.recording;
    const files = new Set<string>();
    this.recording = files;
    try {
      return { result: run(), files: [...files].sort() };
    } finally {
      this.recording = outer;
      if (outer) for (const file of files) outer.add(file);
    }
  }

  get(file: string): ParsedModule {
    this.recording?.add(file);
    let module = this.modules.get(file);
    if (!module) {
      const bytes = this.readBytes(file);
      this.hashes.set(file, createHash('sha1').update(bytes).digest('hex'));
      const text = bytes.toString('utf8');
      const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const parseDiagnostics = (sourceFile as unknown as { parseDiagnostics: TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
      module = {
        file,
        text,
        sourceFile,
        syntaxErrors: parseDiagnostics.map((d) => ({
          position: positionAt(sourceFile, d.start),
          message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
        })),
      };
      this.modules.set(file, module);
      this.seen.add(file);
    }
    return module;
  }

  /** Every file parsed so far: the spec files and whatever they import. */
  files(): string[] {
    return [...this.seen];
  }

  /** Forgets a file's syntax tree (it is parsed again if something asks for it later). */
  release(file: string): void {
    this.modules.delete(file);
  }

  resolveImport(specifier: string, fromFile: string): string | undefined {
    const resolve = (from: string) => ts.resolveModuleName(specifier, from, compilerOptions, ts.sys, this.resolutionCache).resolvedModule?.resolvedFileName;
    // contractgen's own modules (`contractgen/spec`) resolve from the running generator when the
    // spec's folder cannot see a contractgen install (a spec package under a strict node_modules
    // layout): StabilityEnum then has one source of truth, the generator's own declarations.
    const resolved = resolve(fromFile) ?? (/^contractgen(\/|$)/.test(specifier) ? resolve(join(PACKAGE_ROOT, 'package.json')) : undefined);
    // TypeScript sources, and declaration files: a compiled package's .d.ts keeps its enums'
    // values and its literal consts (a `declare const` without a value is reported as not static).
    return resolved && /\.(m|c)?ts$/.test(resolved) ? resolved : undefined;
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
      const target = () => this.importTarget(statement, module);
      if (clause.name?.text === name) {
        const resolved = target();
        return resolved ? this.lookupExport(resolved, 'default', seen) : unresolved(module, statement);
      }
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name) {
        const resolved = target();
        return resolved ? { kind: 'namespace', module: resolved } : unresolved(module, statement);
      }
      if (bindings && ts.isNamedImports(bindings)) {
        const element = bindings.elements.find((e) => e.name.text === name);
        if (element) {
          const resolved = target();
          return resolved ? this.lookupExport(resolved, (element.propertyName ?? element.name).text, seen) : unresolved(module, statement);
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
        const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? this.resolveImport(statement.moduleSpecifier.text, module.file) : undefined;
        const target = from ? this.get(from) : undefined;
        if (!statement.exportClause) {
          const found = target && this.lookupExport(target, name, seen);
          if (found) return found;
        } else if (ts.isNamedExports(statement.exportClause)) {
          for (const element of statement.exportClause.elements) {
            if (element.name.text !== name) continue;
            const local = (element.propertyName ?? element.name).text;
            if (statement.moduleSpecifier) return target ? this.lookupExport(target, local, seen) : unresolved(module, statement);
            return this.lookupLocal(module, local, seen);
          }
        }
      }
    }
    return undefined;
  }

  private importTarget(statement: TS.ImportDeclaration, module: ParsedModule): ParsedModule | undefined {
    const file = this.resolveImport((statement.moduleSpecifier as TS.StringLiteral).text, module.file);
    return file ? this.get(file) : undefined;
  }
}

function unresolved(module: ParsedModule, statement: TS.Statement): Binding {
  const specifier = ((statement as TS.ImportDeclaration | TS.ExportDeclaration).moduleSpecifier as TS.StringLiteral).text;
  return { kind: 'other', module, node: statement, why: `module "${specifier}" could not be resolved to a TypeScript source file` };
}

export function positionAt(sourceFile: TS.SourceFile, offset: number): SourcePosition {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(offset);
  return { file: sourceFile.fileName, line: line + 1, column: character + 1 };
}

export function positionOfNode(node: TS.Node): SourcePosition {
  const sourceFile = node.getSourceFile();
  let start = node.getStart(sourceFile);
  // An empty node (an array hole) starts right after the previous token: point at what follows it, not at the whitespace.
  if (start === node.getEnd()) while (start < sourceFile.text.length && /\s/.test(sourceFile.text[start]!)) start++;
  return positionAt(sourceFile, start);
}
