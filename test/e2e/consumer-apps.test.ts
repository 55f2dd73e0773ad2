/**
 * contractgen as its users get it: the packages packed (`npm pack`), installed from the
 * tarballs into apps outside the repository (no link to the repository's packages, nothing
 * resolved through its node_modules), a spec of the app's own (`sms.acme`, a provider of the package's
 * `sms.outbound`) generated with `sms.twilio` from @contractgen/twilio, compiled with plain `tsc`
 * under strict flags, run with plain `node` against the package's Twilio stand-in.
 *
 * The apps also bind a provider of their own by spec only (`sms.beacon`, an `http` section and no
 * adapter), and their own test of the code that sends through it (test/notify.test.ts, run with
 * `node --test`) uses the test double contractgen generated from that spec.
 *
 * The apps use @contractgen/redis too, against a real redis-server the test starts.
 *
 * Two apps share one install: an ESM app ("type": "module") and a CommonJS app (no "type"), as
 * the two workspaces of one temporary npm workspace root. Both have their own package.json,
 * config, specs, adapters and generated code; only node_modules is shared, which saves a second
 * install of ~100 packages. The app's source is test/fixtures/consumer-app/.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createClient } from '@redis/client';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAND_IN_ACCOUNT_SID } from '@contractgen/twilio/testing';
import { importSpecifiers } from '../support/import-specifiers.js';
import { contractgen, installedPackageNames, jsonLine, npmInstall, readJson, removeProjectDir, run, runOk, tempProjectDir, tsc, writeJson } from '../support/npm-project.js';
import { packPackages, tarballSpecs, WORKSPACE_PACKAGES, type PackedPackages } from '../support/packed-packages.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { REPO } from '../support/workspace.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'consumer-app');
const DEV_TOOLS = readJson<{ devDependencies: Record<string, string> }>(join(REPO, 'package.json')).devDependencies;
const RUNTIME_VERSION = readJson<{ version: string }>(join(REPO, 'runtime', 'package.json')).version;
/** Build-time tools that must never reach an app's production install. */
const BUILD_TOOLS = ['ts-morph', 'typescript', 'handlebars', 'json-schema-to-typescript', 'yargs', 'tsx'];
const STEP_TIMEOUT = 240_000;

type Format = 'esm' | 'cjs';

/** The JSON line test/fixtures/consumer-app/common/src/main.ts prints. */
interface AppOutput {
  format: 'esm' | 'commonjs';
  twilio: { id: string; status: string; request?: { path: string; To?: unknown; From?: unknown; Body?: unknown } };
  twilioRequestId?: string;
  redis: { dedupe: string[] };
  acme: { id: string; from: string | null | undefined; status: string; recorded: string[] };
  providers: string[];
}

let root: string | undefined;
let redis: RedisServer | undefined;
const appDir = (format: Format) => join(root!, `${format}-app`);

/** A promise made on first call and shared by every test that needs the step. */
function step<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= make());
}

/** Each app's pipeline: generate, compile (tsconfig.json), run; and the app's own test, run with node's test runner. */
function appSteps(format: Format) {
  const generated = step(() => contractgen(appDir(format), 'generate'));
  const compiled = step(async () => (await generated(), tsc(appDir(format))));
  const ran = step(async () => (await compiled(), runApp(appDir(format))));
  const tested = step(async () => (await compiled(), runOk(process.execPath, ['--test', 'dist/test/notify.test.js'], appDir(format))));
  return { generated, compiled, ran, tested };
}
const esm = appSteps('esm');
const cjs = appSteps('cjs');
const bundlerChecked = step(async () => (await esm.generated(), tsc(appDir('esm'), 'tsconfig.bundler.json')));
/** require() of every entry point of every installed package, contractgen (a devDependency) included. */
const everyEntryRequired = step(async () => {
  await cjs.generated();
  const script = [
    'const { readFileSync } = require("node:fs");',
    'const loaded = {};',
    `for (const name of ${JSON.stringify(Object.keys(WORKSPACE_PACKAGES))}) {`,
    '  const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8"));',
    '  for (const entry of Object.keys(manifest.exports)) {',
    '    const specifier = name + entry.slice(1);',
    '    loaded[specifier] = Object.keys(require(specifier)).length;',
    '  }',
    '}',
    'process.stdout.write(JSON.stringify(loaded));',
  ].join('\n');
  return JSON.parse((await runOk(process.execPath, ['-e', script], appDir('cjs'))).stdout) as Record<string, number>;
});

/**
 * `npm install --omit=dev` over the same install (much cheaper than a second install), then a
 * run of both apps on what is left. It changes the install under every other step, so it starts
 * only once each step that uses the full install has ended (the tests below run concurrently:
 * what orders them is this, not their timing).
 */
const production = step(async () => {
  await Promise.allSettled([esm.ran(), cjs.ran(), esm.tested(), cjs.tested(), bundlerChecked(), everyEntryRequired()]);
  await npmInstall(root!, '--omit=dev');
  return Promise.all([runApp(appDir('esm')), runApp(appDir('cjs'))]);
});

function writeApp(dir: string, format: Format, packs: PackedPackages): void {
  cpSync(join(FIXTURE, 'common'), dir, { recursive: true });
  cpSync(join(FIXTURE, format), dir, { recursive: true });
  writeJson(join(dir, 'package.json'), {
    name: `contractgen-e2e-${format}-app`,
    version: '1.0.0',
    private: true,
    ...(format === 'esm' && { type: 'module' }),
    dependencies: tarballSpecs(packs, ['@contractgen/runtime', '@contractgen/twilio', '@contractgen/redis']),
    devDependencies: { ...tarballSpecs(packs, ['contractgen']), typescript: DEV_TOOLS['typescript'], '@types/node': DEV_TOOLS['@types/node'] },
  });
}

beforeAll(async () => {
  redis = await startRedisServer();
  const packs = await packPackages();
  root = tempProjectDir('consumers');
  // Overrides: every copy of a contractgen package in the tree, transitive ones included, comes
  // from the tarballs (none is on the registry).
  writeJson(join(root, 'package.json'), { name: 'contractgen-e2e-consumers', private: true, workspaces: ['esm-app', 'cjs-app'], overrides: tarballSpecs(packs) });
  writeApp(appDir('esm'), 'esm', packs);
  writeApp(appDir('cjs'), 'cjs', packs);
  await npmInstall(root);
}, STEP_TIMEOUT);

afterAll(async () => {
  removeProjectDir(root);
  await redis?.stop();
});

async function runApp(dir: string): Promise<AppOutput> {
  return jsonLine<AppOutput>(await runOk(process.execPath, ['dist/src/main.js'], dir, { REDIS_URL: redis!.url }));
}

function expectSentThroughBothProviders(output: AppOutput, format: AppOutput['format']): void {
  expect(output.format).toBe(format);
  // sms.twilio from the package: the Twilio SDK's request reached the stand-in.
  expect(output.twilio).toEqual({
    id: expect.stringMatching(/^SM[0-9a-f]{32}$/),
    status: 'queued',
    request: { path: `/2010-04-01/Accounts/${STAND_IN_ACCOUNT_SID}/Messages.json`, To: '+14155552671', From: '+15005550006', Body: 'Hello from Twilio' },
  });
  // sms.acme, the app's own: its adapter recorded the message, the client returned its result.
  expect(output.acme).toEqual({ id: 'ACME1', from: 'ACME', status: 'queued', recorded: ['+14155552672'] });
  expect(output.providers).toEqual(['sms.acme', 'sms.beacon', 'sms.twilio']);
  // The Twilio send took its token from the Redis store, the provider's request id came back on
  // the result, and the second delivery of one id was recognised through Redis.
  expect(output.twilioRequestId).toMatch(/^RQ[0-9a-f]{32}$/);
  expect(output.redis).toEqual({ dedupe: ['handled', 'duplicate'] });
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(dir, file));
}

describe.concurrent('apps that install contractgen from its tarballs', () => {
  it(
    'generated code imports only the runtime, the Twilio package, the app\'s adapters and other generated files',
    async () => {
      await esm.generated();
      const app = appDir('esm');
      const outside: string[] = [];
      for (const file of typeScriptFiles(join(app, 'generated'))) {
        for (const specifier of importSpecifiers(file)) {
          const allowed = specifier.startsWith('.')
            ? ['generated', 'adapters'].includes(relative(app, resolve(file, '..', specifier)).split(sep)[0]!)
            : ['@contractgen/runtime', '@contractgen/runtime/ajv'].includes(specifier) ||
              specifier.startsWith('@contractgen/twilio/') ||
              // The test double, and it alone, loads the runtime's testing subpath.
              (specifier === '@contractgen/runtime/testing' && file.endsWith(`${sep}test-double.ts`));
          if (!allowed) outside.push(`${relative(app, file)}: ${specifier}`);
        }
      }
      expect(outside).toEqual([]);
      // The adapters: the package's by its exported subpath, the app's own by relative path.
      expect(importSpecifiers(join(app, 'generated/integrations/sms.twilio/client.ts'))).toContain('@contractgen/twilio/sms');
      expect(importSpecifiers(join(app, 'generated/integrations/sms.acme/client.ts'))).toContain('../../../adapters/sms-acme.js');
      // The provider bound by spec: its client imports its binding, no adapter.
      expect(importSpecifiers(join(app, 'generated/integrations/sms.beacon/client.ts'))).toEqual(expect.arrayContaining(['./http.js']));
      expect(importSpecifiers(join(app, 'generated/integrations/sms.beacon/client.ts')).filter((s) => s.includes('adapters'))).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    'ESM app: compiles under nodenext with the strict flags and runs with node against the Twilio stand-in',
    async () => {
      expectSentThroughBothProviders(await esm.ran(), 'esm');
      // The send's budget lives in Redis, under the app's prefix.
      const admin = createClient({ url: redis!.url });
      await admin.connect();
      try {
        expect(await admin.exists('consumer-app:{sms.twilio}')).toBe(1);
      } finally {
        admin.destroy();
      }
    },
    STEP_TIMEOUT,
  );

  it.each(['esm', 'cjs'] as const)(
    "%s app: its own test of its own HTTP provider (bound by spec, no adapter) sends through the generated test double, with node --test",
    async (format) => {
      const { stdout } = await (format === 'esm' ? esm : cjs).tested();
      expect(stdout).toMatch(/^# pass 2$/m);
      expect(stdout).toMatch(/^# fail 0$/m);
    },
    STEP_TIMEOUT,
  );

  it(
    'ESM app: type-checks with module preserve and bundler resolution',
    async () => {
      await bundlerChecked();
    },
    STEP_TIMEOUT,
  );

  it(
    'CommonJS app: require()s the compiled client (and, through it, the ES module packages) and runs against the stand-in',
    async () => {
      const output = await cjs.ran();
      const dist = join(appDir('cjs'), 'dist');
      expect(readFileSync(join(dist, 'src/main.js'), 'utf8')).toContain('require("../generated/integrations/sms.twilio/client.js")');
      expect(readFileSync(join(dist, 'generated/integrations/sms.twilio/client.js'), 'utf8')).toContain('require("@contractgen/twilio/sms")');
      expectSentThroughBothProviders(output, 'commonjs');
    },
    STEP_TIMEOUT,
  );

  it(
    'CommonJS: require() of every entry point of every installed package works (no top-level await in their module graphs)',
    async () => {
      const loaded = await everyEntryRequired();
      expect(Object.keys(loaded)).toEqual(expect.arrayContaining(['contractgen', 'contractgen/spec', '@contractgen/runtime', '@contractgen/twilio/sms', '@contractgen/twilio/testing', '@contractgen/redis']));
      for (const [specifier, exportCount] of Object.entries(loaded)) expect(exportCount, specifier).toBeGreaterThan(0);
    },
    STEP_TIMEOUT,
  );

  it(
    'after npm install --omit=dev both apps still run, and no build-time tool is installed',
    async () => {
      const [esmOutput, cjsOutput] = await production();
      expectSentThroughBothProviders(esmOutput, 'esm');
      expectSentThroughBothProviders(cjsOutput, 'commonjs');
      const installed = installedPackageNames(root!);
      expect(installed).toContain('@contractgen/runtime');
      expect(installed).toContain('twilio');
      expect(installed).toContain('@redis/client');
      // The runtime's OpenTelemetry support is an optional peer: both apps ran without it.
      expect(installed.has('@opentelemetry/api')).toBe(false);
      expect([...BUILD_TOOLS, 'contractgen'].filter((name) => installed.has(name))).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    'an installed runtime of another version stops the app at load, with an error naming both versions',
    async () => {
      // After the production runs: this one breaks the install.
      await production();
      const [major, minor] = RUNTIME_VERSION.split('.');
      const other = `${major}.${Number(minor) + 1}.0`;
      const versionFile = join(root!, 'node_modules/@contractgen/runtime/dist/version.js');
      const original = readFileSync(versionFile, 'utf8');
      const edited = original.replace(`RUNTIME_VERSION = '${RUNTIME_VERSION}'`, `RUNTIME_VERSION = '${other}'`);
      expect(edited).not.toBe(original);
      writeFileSync(versionFile, edited);

      const result = await run(process.execPath, ['dist/src/main.js'], appDir('esm'));
      expect(result.code).not.toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('RuntimeVersionError');
      expect(result.stderr).toContain(`generated by contractgen ${RUNTIME_VERSION}`);
      expect(result.stderr).toContain(`@contractgen/runtime ${other} is installed`);
    },
    STEP_TIMEOUT,
  );
});
