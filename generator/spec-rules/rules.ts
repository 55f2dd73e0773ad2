/**
 * The rules one spec must satisfy on its own. Both the generator (`check`, which adds source
 * positions) and `defineIntegration`/`defineCapability` (which throw) run exactly these.
 * Rules that need the whole set of specs (uniqueness, capability lookup) live in the generator.
 */
import { rateLimitProblems } from '@contractgen/runtime';
import { credentialLike } from './credentials.js';
import { closest, formatPath, type SpecFinding } from './findings.js';
import { capabilityModelSchema, integrationModelSchema } from './model-schema.js';
import { modelValidator } from './model-validator.js';
import { ajvMessage, compileSpecSchema, findingsFromAjv, groupedFindings, specAjv, uncheckable, type SchemaCompiler } from './schema-checks.js';
import { isRecord } from '../values.js';
import { httpFindings } from './http.js';
import { httpsUrl } from './urls.js';
import { PatternTimeout } from './pattern-budget.js';
import { catastrophic, schemaPatterns, unchecked } from './patterns.js';

type Path = readonly (string | number)[];
type Obj = Record<string, unknown>;

/** Lower-case dotted/dashed words: safe as a folder name on every OS, never `..` or a separator. */
export const KEY_PATTERN = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;
export const MAX_KEY_LENGTH = 80;
/** semver.org's regular expression. */
export const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Compiles the spec model's validators now, not at the first spec checked: watch mode does it before the first save. */
export function compileSpecModels(): void {
  modelValidator(integrationModelSchema);
  modelValidator(capabilityModelSchema);
}

function structuralFindings(spec: unknown, model: object): SpecFinding[] {
  const { validate } = modelValidator(model);
  if (validate(spec)) return [];
  return (validate.errors ?? []).map((error) => {
    const [finding] = findingsFromAjv([error], [], 'CG111');
    const keyword = error.keyword;
    if (keyword === 'required') return { ...finding!, code: 'CG110' };
    if (keyword === 'additionalProperties') {
      const parent = error.parentSchema as Obj | undefined;
      const known = Object.keys((parent?.properties as Obj | undefined) ?? {});
      const suggestion = closest(String(error.params.additionalProperty), known);
      return { ...finding!, code: 'CG112', message: 'is not a known field', hint: suggestion && `did you mean "${suggestion}"?` };
    }
    if (keyword === 'enum') {
      const allowed = (error.params.allowedValues as string[]) ?? [];
      const value = valueAt(spec, finding!.path);
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      return {
        ...finding!,
        code: 'CG113',
        message: `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`,
        hint: suggestion && `did you mean "${suggestion}"?`,
      };
    }
    // Only the spec itself has no path to read after: say what it is.
    return { ...finding!, message: finding!.path.length ? ajvMessage(error) : `the spec ${ajvMessage(error)}` };
  });
}

const isObject: (value: unknown) => value is Obj = isRecord;

export function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const part of path) node = (node as Obj | undefined)?.[part as string];
  return node;
}

function metaFindings(meta: Obj): SpecFinding[] {
  const found: SpecFinding[] = [];
  const key = meta.key;
  if (typeof key === 'string' && (!KEY_PATTERN.test(key) || key.length > MAX_KEY_LENGTH)) {
    found.push({
      code: 'CG114',
      severity: 'error',
      path: ['meta', 'key'],
      message: `must be lower-case words joined by "." or "-" (at most ${MAX_KEY_LENGTH} characters), e.g. "sms.twilio"`,
      hint: 'keys become folder and identifier names, so they may not contain "/", "\\", ".." or spaces',
    });
  }
  if (typeof meta.version === 'string' && !SEMVER_PATTERN.test(meta.version)) {
    found.push({ code: 'CG115', severity: 'error', path: ['meta', 'version'], message: 'must be a semantic version such as "1.0.0"' });
  }
  return found;
}

function positive(value: unknown, path: Path): SpecFinding[] {
  if (typeof value !== 'number' || (Number.isFinite(value) && value > 0)) return [];
  return [{ code: 'CG116', severity: 'error', path, message: 'must be a positive number' }];
}

/** CG116 for exactly the limits the client would refuse: the runtime's rule, not a copy of it. */
function rateLimitFindings(rateLimit: unknown): SpecFinding[] {
  if (!isObject(rateLimit)) return [];
  // A value that is not a number is a structural finding (CG111) already.
  const numeric = (value: unknown) => (typeof value === 'number' ? value : undefined);
  return rateLimitProblems({ rpm: numeric(rateLimit.rpm), rph: numeric(rateLimit.rph) }).map(({ path, message }) => ({ code: 'CG116', severity: 'error', path: ['constraints', 'rateLimit', path], message }));
}

function schemaAndExample(spec: Obj, field: 'configSchema' | 'secretSchema', compile?: SchemaCompiler): SpecFinding[] {
  const block = spec[field];
  // A block, schema or example of the wrong type is a structural finding (CG111) already.
  if (!isObject(block) || !isObject(block.schema) || !isObject(block.example)) return [];
  const { validate, findings } = compileSpecSchema(block.schema, [field, 'schema'], compile);
  const oversized = oversizedExample(block.example, [field, 'example']);
  if (oversized) return [...findings, oversized];
  try {
    if (validate && !validate(block.example)) findings.push(...groupedFindings(validate.errors, [field, 'example'], 'CG121'));
  } catch (error) {
    findings.push(error instanceof PatternTimeout ? slowPattern(block.schema, [field, 'schema'], error) : uncheckable('CG121', [field, 'example'], error));
  }
  if (field === 'secretSchema') findings.push(...secretShape(block));
  return findings;
}

/**
 * How large an example may be for its check: ajv compares the items of a `uniqueItems` array pair by
 * pair (10,000 objects take seconds), and a spec's example is checked in the thread whose event loop
 * handles Ctrl-C. Real examples hold a handful of values; these bound the check to milliseconds.
 */
const MAX_EXAMPLE_ITEMS = 1_000;
const MAX_EXAMPLE_VALUES = 10_000;

/** CG105 for an example with an array longer than MAX_EXAMPLE_ITEMS, or more than MAX_EXAMPLE_VALUES values in all. */
function oversizedExample(example: unknown, at: readonly string[]): SpecFinding | undefined {
  let values = 0;
  const pending: [unknown, readonly (string | number)[]][] = [[example, at]];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (++values > MAX_EXAMPLE_VALUES) return { code: 'CG105', severity: 'error', path: at, message: `holds more than ${MAX_EXAMPLE_VALUES} values: too large to check`, hint: 'an example shows the shape of a value: a few entries are enough' };
    if (Array.isArray(value) && value.length > MAX_EXAMPLE_ITEMS) return { code: 'CG105', severity: 'error', path, message: `has ${value.length} items: an example array may hold at most ${MAX_EXAMPLE_ITEMS} (a larger one takes too long to check)`, hint: 'an example shows the shape of a value: a few entries are enough' };
    if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) pending.push([item, [...path, Array.isArray(value) ? Number(key) : key]]);
  }
  return undefined;
}

/** CG125 at the pattern that took too long on the example (one the checks let through). */
function slowPattern(schema: Obj, at: readonly string[], timeout: PatternTimeout): SpecFinding {
  const path = schemaPatterns(schema, at).find((p) => p.source === timeout.source)?.path ?? at;
  return timeout.spent ? unchecked(path, timeout) : catastrophic(path, `matching the example ${timeout.message}`);
}

function secretShape(block: Obj): SpecFinding[] {
  const found: SpecFinding[] = [];
  const schema = block.schema as Obj;
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const [name, property] of Object.entries(properties)) {
    if ((property as Obj | undefined)?.type !== 'string') {
      found.push({
        code: 'CG122',
        severity: 'error',
        path: ['secretSchema', 'schema', 'properties', name, 'type'],
        message: 'must be "string": every secret value is a string',
        hint: 'secrets are read from environment variables and secret stores, which hold strings',
      });
    }
  }
  for (const [name, value] of Object.entries(block.example as Obj)) {
    const looksLike = typeof value === 'string' ? credentialLike(value) : undefined;
    if (looksLike) {
      found.push({
        code: 'CG123',
        severity: 'warning',
        path: ['secretSchema', 'example', name],
        message: `looks like ${looksLike}; examples end up in docs, so use a placeholder`,
        hint: 'for example "ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" or "***"',
      });
    }
  }
  return found;
}

/** How rules compile the schemas they check; the generator passes one that keeps the compiled code for emitting. */
export interface RuleOptions {
  readonly compile?: SchemaCompiler;
}

export function integrationFindings(spec: unknown, options: RuleOptions = {}): SpecFinding[] {
  const found = structuralFindings(spec, integrationModelSchema);
  if (!spec || typeof spec !== 'object') return found;
  const s = spec as Obj;
  if (s.meta && typeof s.meta === 'object') found.push(...metaFindings(s.meta as Obj));
  const capabilities = (s.capabilities as Obj | undefined) ?? {};
  for (const list of ['provides', 'requires'] as const) {
    const refs = capabilities[list];
    if (!Array.isArray(refs)) continue;
    refs.forEach((ref: Obj, i) => {
      if (typeof ref?.version === 'string' && !SEMVER_PATTERN.test(ref.version)) {
        found.push({ code: 'CG115', severity: 'error', path: ['capabilities', list, i, 'version'], message: 'must be a semantic version such as "1.0.0"' });
      }
    });
  }
  found.push(...schemaAndExample(s, 'configSchema', options.compile), ...schemaAndExample(s, 'secretSchema', options.compile));
  found.push(...positive((s.healthCheck as Obj | undefined)?.timeoutMs, ['healthCheck', 'timeoutMs']));
  const constraints = isObject(s.constraints) ? s.constraints : {};
  found.push(...rateLimitFindings(constraints.rateLimit));
  for (const [name, quota] of Object.entries(isObject(constraints.quotas) ? constraints.quotas : {})) {
    found.push(...positive(quota, ['constraints', 'quotas', name]));
  }
  found.push(...httpsUrl(s.docsUrl, ['docsUrl']), ...httpsUrl((s.byokSetup as Obj | undefined)?.docsUrl, ['byokSetup', 'docsUrl']));
  found.push(...modeFindings(s));
  found.push(...httpFindings(s));
  return found;
}

const MODES = integrationModelSchema.properties.supportedModes.items.enum;

function modeFindings(s: Obj): SpecFinding[] {
  const modes = s.supportedModes;
  if (!Array.isArray(modes)) return [];
  const found: SpecFinding[] = [];
  if (modes.length === 0) {
    found.push({ code: 'CG118', severity: 'error', path: ['supportedModes'], message: `must list at least one mode (${MODES.map((m) => JSON.stringify(m)).join(' or ')})` });
  }
  modes.forEach((mode: unknown, i) => {
    const first = modes.indexOf(mode);
    if (first !== i) {
      found.push({
        code: 'CG118',
        severity: 'error',
        path: ['supportedModes', i],
        message: `repeats ${JSON.stringify(mode)}, already listed at ${formatPath(['supportedModes', first])}`,
        hint: 'list each mode once',
      });
    }
  });
  const byok = modes.indexOf('byok');
  if (byok >= 0 && s.byokSetup === undefined) {
    found.push({
      code: 'CG118',
      severity: 'error',
      path: ['supportedModes', byok],
      message: 'is "byok", which needs a byokSetup block telling users how to bring their own key',
      hint: "add byokSetup: { setupInstructions: '...' }, or drop \"byok\" from supportedModes",
    });
  }
  return found;
}

/** An example of a good member name per kind, for CG114. */
const MEMBER_EXAMPLE = { operations: 'sendSms', events: 'messageReceived' } as const;

export function capabilityFindings(spec: unknown, options: RuleOptions = {}): SpecFinding[] {
  const found = structuralFindings(spec, capabilityModelSchema);
  if (!spec || typeof spec !== 'object') return found;
  const s = spec as Obj;
  if (s.meta && typeof s.meta === 'object') found.push(...metaFindings(s.meta as Obj));
  const operations = isObject(s.operations) ? s.operations : {};
  const events = isObject(s.events) ? s.events : {};
  // operations/events of the wrong type are a structural finding (CG111) already.
  const wrongType = (value: unknown) => value !== undefined && !isObject(value);
  if (Object.keys(operations).length + Object.keys(events).length === 0 && !wrongType(s.operations) && !wrongType(s.events)) {
    found.push(emptyCapability(s.operations !== undefined, s.events !== undefined));
  }
  for (const [kind, members, schemas] of [
    ['operations', operations, ['input', 'output']],
    ['events', events, ['payload']],
  ] as const) {
    for (const [name, member] of Object.entries(members)) {
      if (!/^[a-z][A-Za-z0-9]*$/.test(name)) {
        found.push({
          code: 'CG114',
          severity: 'error',
          path: [kind, name],
          message: `must be a camelCase name such as "${MEMBER_EXAMPLE[kind]}"`,
          hint: `${kind.slice(0, -1)} names become identifiers in the generated client`,
        });
      }
      for (const field of schemas) {
        const schema = isObject(member) ? member[field] : undefined;
        if (isObject(schema)) found.push(...compileSpecSchema(schema, [kind, name, field], options.compile).findings);
      }
    }
  }
  return found;
}

/** CG119, at the empty `operations` (or `events`) object when there is one, else at the spec. */
function emptyCapability(hasOperations: boolean, hasEvents: boolean): SpecFinding {
  const rule = 'a capability must declare at least one operation or event';
  const hint = 'add operations: { name: { description, input, output, idempotent } } or events: { name: { description, payload } }';
  if (hasOperations) {
    const message = hasEvents ? `is empty, and so is events; ${rule}` : `is empty; ${rule}`;
    return { code: 'CG119', severity: 'error', path: ['operations'], message, hint };
  }
  if (hasEvents) return { code: 'CG119', severity: 'error', path: ['events'], message: `is empty; ${rule}`, hint };
  return { code: 'CG119', severity: 'error', path: [], message: `${rule}; this one has neither operations nor events`, hint };
}
