/**
 * Runtime bar: a generated validator vs ajv's compiled validator for the same schema, on a valid
 * value, in ops/sec. By default the schema and value are the sms.twilio spec's configSchema and
 * its example with the repo's generated validator; `--spec F --validators F` takes them from any
 * spec file and its generated validators.ts instead (the harness uses a rich corpus spec). ajv
 * compiles the schema once (`new Ajv().compile(schema)`, formats added), as an application using
 * ajv directly would; `ajvSame` is ajv with the options the generated validators are compiled
 * with (every error, own properties only: a config's inherited fields are never read), the
 * like-for-like baseline.
 *
 * Usage: node --import tsx bench/validator.ts [--spec F --validators F] [--rounds 7] [--ms 250]
 * Prints one JSON line: { generatedIs, generatedValidate, ajv, ajvSame } in ops/sec (medians of the rounds).
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Validator } from '../runtime/validation/validator.js';
import { specSchemaAjv } from '../generator/spec-rules/schema-checks.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
const rounds = Number(option('rounds') ?? 7);
const roundMs = Number(option('ms') ?? 250);
const url = (file: string) => pathToFileURL(isAbsolute(file) ? file : resolve(file)).href;

type SpecLike = { configSchema: { schema: object; example: unknown } };
const specModule = (await import(url(option('spec') ?? 'adapters/twilio/specs/integrations/twilio-sms.ts'))) as Record<string, unknown>;
const spec = Object.values(specModule).find((v): v is SpecLike => typeof v === 'object' && v !== null && 'configSchema' in v);
const validatorsModule = (await import(url(option('validators') ?? 'generated/integrations/sms.twilio/validators.ts'))) as Record<string, unknown>;
const configValidatorName = Object.keys(validatorsModule).find((name) => name.endsWith('ConfigValidator'));
if (!spec || !configValidatorName) throw new Error('no spec with a configSchema, or no *ConfigValidator export');
const configValidator = validatorsModule[configValidatorName] as Validator<unknown>;

const schema = spec.configSchema.schema;
const value: unknown = structuredClone(spec.configSchema.example);

const ajv = new Ajv();
addFormats(ajv);
const ajvValidate = ajv.compile(schema);
const ajvSameValidate = specSchemaAjv().compile(schema);

const contenders: Record<string, (v: unknown) => boolean> = {
  generatedIs: (v) => configValidator.is(v),
  generatedValidate: (v) => configValidator.validate(v).ok,
  ajv: (v) => ajvValidate(v),
  ajvSame: (v) => ajvSameValidate(v),
};

/**
 * Calls per second for `ms` milliseconds; throws if the value is ever rejected. Each contender
 * gets its own copy of the loop (compiled from source per contender): with one shared loop, the
 * call site sees every contender, V8 stops inlining at it, and whichever contender it happened to
 * inline first looked up to 1.4x faster than the same code compiled the same way.
 */
const RATE_SOURCE = `
  const batch = 10000;
  let calls = 0;
  let passed = 0;
  const start = performance.now();
  let now = start;
  do {
    for (let i = 0; i < batch; i++) if (check(value)) passed++;
    calls += batch;
    now = performance.now();
  } while (now - start < ms);
  if (passed !== calls) throw new Error('the valid config was rejected');
  return calls / ((now - start) / 1000);`;
type Rate = (check: (v: unknown) => boolean, value: unknown, ms: number) => number;
const rates = new Map(Object.keys(contenders).map((name) => [name, new Function('check', 'value', 'ms', RATE_SOURCE) as Rate]));
const rate = (name: string, ms: number) => rates.get(name)!(contenders[name]!, value, ms);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

for (const name of Object.keys(contenders)) rate(name, roundMs); // warm-up: JIT every contender
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  // Alternate the order so no contender always runs first (or last) in a round.
  const names = Object.keys(contenders);
  if (round % 2) names.reverse();
  for (const name of names) samples[name]!.push(rate(name, roundMs));
}
process.stdout.write(
  JSON.stringify({ ...Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, median(xs)])), samples, rounds, roundMs, validator: configValidatorName, schemaBytes: JSON.stringify(schema).length }) + '\n',
);
