#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the command works right after `npm ci` on Node 20
// with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../generator/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
