#!/usr/bin/env node
// The `contractgen` command: runs the compiled CLI with plain node.
let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  process.stderr.write('contractgen: the package is not built (no dist/): run `npm run build` in the contractgen repository\n');
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2));
