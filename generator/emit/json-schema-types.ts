/**
 * JSON Schema -> TypeScript declarations through json-schema-to-typescript, unformatted (Prettier
 * would dominate run time) and re-indented by brace depth so the output stays readable.
 */
import type { Options } from 'json-schema-to-typescript';
import type { JSONSchema4 } from 'json-schema';
import { pascalCase } from '../plan/identifiers.js';
import { tsCodeText } from './escape.js';
import { loadJsonSchemaToTypeScript } from './json2ts-without-prettier.js';

/** Loaded on first use: the main thread of a big run renders project files and never converts a schema. */
let library: typeof import('json-schema-to-typescript') | undefined;

const baseOptions: Partial<Options> = {
  bannerComment: '',
  format: false,
  // Objects are closed unless their schema opens them: a typo in a config key is a type error.
  additionalProperties: false,
  ignoreMinAndMaxItems: true,
  strictIndexSignatures: true,
  unknownAny: true,
  declareExternallyReferenced: true,
  unreachableDefinitions: false,
  // Specs may only use local "#/..." references (rule CG124): never read files or the network.
  $refOptions: { resolve: { external: false, file: false, http: false } } as Options['$refOptions'],
};

/**
 * Declarations for one schema, rooted at `typeName`. Named sub-schemas (definitions, titled
 * schemas) are prefixed with `typeName` so two schemas in one file never declare the same name.
 */
export async function schemaToTypeScript(schema: object, typeName: string): Promise<string> {
  const { title: _ignored, ...root } = structuredClone(schema) as Record<string, unknown>;
  // json2ts names a definition by its key or title; give each one a title carrying the prefix.
  for (const [key, definition] of Object.entries((root.definitions as Record<string, Record<string, unknown>> | undefined) ?? {})) {
    if (definition && typeof definition === 'object') definition.title = typeName + pascalCase(typeof definition.title === 'string' ? definition.title : key);
  }
  const { compile } = (library ??= loadJsonSchemaToTypeScript());
  const code = await compile(root as JSONSchema4, typeName, {
    ...baseOptions,
    customName: (node) => {
      const title = typeof node.title === 'string' ? node.title : undefined;
      return title === undefined || title.startsWith(typeName) ? title : typeName + pascalCase(title);
    },
  });
  // Descriptions become doc comments and enums string literal types: no control character may stay raw.
  return tsCodeText(indentByBraces(code.trim()));
}

function indentByBraces(code: string): string {
  let depth = 0;
  let inComment = false;
  return code
    .split('\n')
    .map((raw) => {
      const line = raw.trim();
      if (line === '') return '';
      if (inComment || line.startsWith('/*')) {
        inComment = !line.endsWith('*/');
        return '  '.repeat(depth) + (line.startsWith('*') ? ' ' + line : line);
      }
      if (/^[}\])]/.test(line)) depth = Math.max(0, depth - 1);
      const out = '  '.repeat(depth) + line;
      if (/[{[(]$/.test(line)) depth++;
      return out;
    })
    .join('\n');
}
