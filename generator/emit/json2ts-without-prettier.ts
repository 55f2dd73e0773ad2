/**
 * json-schema-to-typescript, loaded without Prettier. Its entry requires its formatter module,
 * which requires Prettier, whose CommonJS entry starts `import()`ing its 680 KB ES module at once:
 * about 65 ms of CPU and 10 MB in every thread that converts a schema, and a process cannot exit
 * until that import has finished. contractgen never formats (`format: false`), so the formatter
 * module goes into Node's module cache first, as one that hands the code back unchanged. Should a
 * release move that file, the package loads as it is, Prettier included: slower, same output.
 */
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function loadJsonSchemaToTypeScript(): typeof import('json-schema-to-typescript') {
  const formatter = join(dirname(require.resolve('json-schema-to-typescript')), 'formatter.js');
  if (!require.cache[formatter]) {
    const stub = new Module(formatter);
    stub.filename = formatter;
    stub.loaded = true;
    stub.exports = {
      format: (code: string, options: { format?: boolean }) => {
        if (options.format) throw new Error('internal error: contractgen loads json-schema-to-typescript without its formatter');
        return Promise.resolve(code);
      },
    };
    require.cache[formatter] = stub;
  }
  return require('json-schema-to-typescript') as typeof import('json-schema-to-typescript');
}
