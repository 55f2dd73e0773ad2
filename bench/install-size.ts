/**
 * Production install size: what an app that runs generated code puts in its node_modules.
 * Packs the packages (test/support/packed-packages.ts), then for each case makes an app in the
 * system temp folder that depends on the tarballs, with `contractgen` as its devDependency (as an
 * app that generates code has it), runs `npm install --omit=dev`, and measures node_modules:
 * bytes on disk (`du -sb`), packages and files. Prints a Markdown table.
 *
 *   npm run build && npx tsx bench/install-size.ts
 *
 * (a) @contractgen/runtime alone: an app whose adapters are its own.
 * (b) @contractgen/runtime + @contractgen/twilio: an app that uses sms.twilio.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { diskBytes, installedPackageNames, npmInstall, removeProjectDir, tempProjectDir, writeJson } from '../test/support/npm-project.js';
import { packPackages, tarballSpecs, type PackageName } from '../test/support/packed-packages.js';

const CASES: { label: string; dependencies: PackageName[] }[] = [
  { label: '`@contractgen/runtime`', dependencies: ['@contractgen/runtime'] },
  { label: '`@contractgen/runtime` + `@contractgen/twilio`', dependencies: ['@contractgen/runtime', '@contractgen/twilio'] },
];

interface Measured {
  bytes: number;
  packages: number;
  files: number;
  largest: { name: string; bytes: number }[];
}

async function measure(dependencies: PackageName[]): Promise<Measured> {
  const packs = await packPackages();
  const dir = tempProjectDir('install-size');
  try {
    writeJson(join(dir, 'package.json'), {
      name: 'install-size',
      private: true,
      type: 'module',
      dependencies: tarballSpecs(packs, dependencies),
      devDependencies: tarballSpecs(packs, ['contractgen']),
      overrides: tarballSpecs(packs),
    });
    await npmInstall(dir, '--omit=dev');
    const nodeModules = join(dir, 'node_modules');
    const topLevel = readdirSync(nodeModules).flatMap((entry) => (entry.startsWith('@') ? readdirSync(join(nodeModules, entry)).map((name) => `${entry}/${name}`) : entry.startsWith('.') ? [] : [entry]));
    const sizes = await Promise.all(topLevel.map(async (name) => ({ name, bytes: await diskBytes(join(nodeModules, name)) })));
    return {
      bytes: await diskBytes(nodeModules),
      packages: installedPackageNames(dir).size,
      files: readdirSync(nodeModules, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length,
      largest: sizes.sort((a, b) => b.bytes - a.bytes).slice(0, 3),
    };
  } finally {
    removeProjectDir(dir);
  }
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

const rows: string[] = [];
for (const { label, dependencies } of CASES) {
  const m = await measure(dependencies);
  rows.push(`| ${label} | ${mb(m.bytes)} (${m.bytes.toLocaleString('en-US')} bytes) | ${m.packages} | ${m.files.toLocaleString('en-US')} | ${m.largest.map((p) => `${p.name} ${mb(p.bytes)}`).join(', ')} |`);
}
console.log(['| Production dependencies | node_modules on disk | Packages | Files | Largest packages |', '|---|---|---|---|---|', ...rows].join('\n'));
