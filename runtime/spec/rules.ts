/**
 * The rules one spec must satisfy on its own. Both the generator (`check`, which adds source
 * positions) and `defineIntegration`/`defineCapability` (which throw) run exactly these.
 * Rules that need the whole set of specs (uniqueness, capability lookup) live in the generator.
 */
import { closest, type SpecFinding } from './findings.js';
import { capabilityModelSchema, integrationModelSchema } from './model-schema.js';
import { compileSpecSchema, findingsFromAjv, specAjv } from './schema-checks.js';

type Path = readonly (string | number)[];
type Obj = Record<string, unknown>;

/** Lower-case dotted/dashed words: safe as a folder name on every OS, never `..` or a separator. */
export const KEY_PATTERN = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;
export const MAX_KEY_LENGTH = 80;
/** semver.org's regular expression. */
export const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

const structural = new Map<object, ReturnType<ReturnType<typeof specAjv>['compile']>>();
function structuralFindings(spec: unknown, model: object): SpecFinding[] {
  let validate = structural.get(model);
  if (!validate) structural.set(model, (validate = specAjv().compile(model)));
  if (validate(spec)) return [];
  return (validate.errors ?? []).map((error) => {
    const [finding] = findingsFromAjv([error], [], 'CG111');
    const keyword = error.keyword;
    if (keyword === 'required') return { ...finding!, code: 'CG110' };
    if (keyword === 'additionalProperties') {
      const parent = schemaAt(model, error.schemaPath);
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
    return { ...finding!, message: error.message ?? keyword };
  });
}

function schemaAt(root: object, schemaPath: string): Obj | undefined {
  // schemaPath looks like "#/properties/meta/additionalProperties": the object owning the keyword.
  let node: unknown = root;
  for (const part of schemaPath.replace(/^#\//, '').split('/').slice(0, -1)) node = (node as Obj | undefined)?.[part];
  return node as Obj | undefined;
}

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

function positive(value: unknown, path: Path, what: string): SpecFinding[] {
  if (typeof value !== 'number' || (Number.isFinite(value) && value > 0)) return [];
  return [{ code: 'CG116', severity: 'error', path, message: `${what} must be a positive number` }];
}

function httpsUrl(value: unknown, path: Path): SpecFinding[] {
  if (typeof value !== 'string') return [];
  let ok = false;
  try {
    ok = new URL(value).protocol === 'https:';
  } catch {
    ok = false;
  }
  return ok ? [] : [{ code: 'CG117', severity: 'error', path, message: 'must be an absolute https:// URL' }];
}

/** Finds an example that looks like a live credential rather than a placeholder. */
const CREDENTIAL_SHAPES: readonly [RegExp, string][] = [
  [/^AC[0-9a-f]{32}$/, 'a Twilio Account SID'],
  [/^SK[0-9a-f]{32}$/, 'a Twilio API key SID'],
  [/^(sk|rk)_live_[0-9a-zA-Z]{16,}$/, 'a Stripe live key'],
  [/^AKIA[0-9A-Z]{16}$/, 'an AWS access key id'],
  [/^xox[abposr]-[0-9A-Za-z-]{10,}$/, 'a Slack token'],
  [/^gh[pousr]_[0-9A-Za-z]{36,}$/, 'a GitHub token'],
  [/^[0-9a-f]{32,}$/, 'a hex secret'],
];
function credentialLike(value: string): string | undefined {
  for (const [shape, what] of CREDENTIAL_SHAPES) if (shape.test(value)) return what;
  // Long, mixed-class strings without repetition look random; placeholders like "xxxx" or "auth-token" do not.
  if (value.length >= 24 && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value) && new Set(value).size >= 16) {
    return 'a random token';
  }
  return undefined;
}

function schemaAndExample(spec: Obj, field: 'configSchema' | 'secretSchema'): SpecFinding[] {
  const block = spec[field] as Obj | undefined;
  if (!block || typeof block.schema !== 'object' || typeof block.example !== 'object') return [];
  const { validate, findings } = compileSpecSchema(block.schema, [field, 'schema']);
  if (validate && !validate(block.example)) {
    findings.push(
      ...findingsFromAjv(validate.errors, [field, 'example'], 'CG121', (e) => e.message ?? 'does not match the schema'),
    );
  }
  if (field === 'secretSchema') findings.push(...secretShape(block));
  return findings;
}

function secretShape(block: Obj): SpecFinding[] {
  const found: SpecFinding[] = [];
  const schema = block.schema as Obj;
  for (const [name, property] of Object.entries((schema.properties as Obj | undefined) ?? {})) {
    if ((property as Obj | undefined)?.type !== 'string') {
      found.push({
        code: 'CG122',
        severity: 'error',
        path: ['secretSchema', 'schema', 'properties', name, 'type'],
        message: 'secret values must be strings (type: "string")',
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
        message: `example looks like ${looksLike}; examples end up in docs, so use a placeholder`,
        hint: 'for example "ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" or "***"',
      });
    }
  }
  return found;
}

export function integrationFindings(spec: unknown): SpecFinding[] {
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
  found.push(...schemaAndExample(s, 'configSchema'), ...schemaAndExample(s, 'secretSchema'));
  found.push(...positive((s.healthCheck as Obj | undefined)?.timeoutMs, ['healthCheck', 'timeoutMs'], 'timeout'));
  const rateLimit = ((s.constraints as Obj | undefined)?.rateLimit as Obj | undefined) ?? {};
  for (const unit of ['rpm', 'rph'] as const) found.push(...positive(rateLimit[unit], ['constraints', 'rateLimit', unit], 'rate limit'));
  for (const [name, quota] of Object.entries(((s.constraints as Obj | undefined)?.quotas as Obj | undefined) ?? {})) {
    found.push(...positive(quota, ['constraints', 'quotas', name], 'quota'));
  }
  found.push(...httpsUrl(s.docsUrl, ['docsUrl']), ...httpsUrl((s.byokSetup as Obj | undefined)?.docsUrl, ['byokSetup', 'docsUrl']));
  const modes = s.supportedModes;
  if (Array.isArray(modes)) {
    if (modes.length === 0) found.push({ code: 'CG118', severity: 'error', path: ['supportedModes'], message: 'must list at least one mode' });
    if (new Set(modes).size !== modes.length) found.push({ code: 'CG118', severity: 'error', path: ['supportedModes'], message: 'lists a mode twice' });
    if (modes.includes('byok') && !s.byokSetup) {
      found.push({
        code: 'CG118',
        severity: 'error',
        path: ['supportedModes'],
        message: '"byok" mode needs a byokSetup block telling users how to bring their own key',
        hint: "add byokSetup: { setupInstructions: '...' }",
      });
    }
  }
  return found;
}

export function capabilityFindings(spec: unknown): SpecFinding[] {
  const found = structuralFindings(spec, capabilityModelSchema);
  if (!spec || typeof spec !== 'object') return found;
  const s = spec as Obj;
  if (s.meta && typeof s.meta === 'object') found.push(...metaFindings(s.meta as Obj));
  const operations = (s.operations as Obj | undefined) ?? {};
  const events = (s.events as Obj | undefined) ?? {};
  if (Object.keys(operations).length + Object.keys(events).length === 0) {
    found.push({ code: 'CG119', severity: 'error', path: [], message: 'a capability must declare at least one operation or event' });
  }
  for (const [kind, members, schemas] of [
    ['operations', operations, ['input', 'output']],
    ['events', events, ['payload']],
  ] as const) {
    for (const [name, member] of Object.entries(members)) {
      if (!/^[a-z][A-Za-z0-9]*$/.test(name)) {
        found.push({ code: 'CG114', severity: 'error', path: [kind, name], message: `${kind.slice(0, -1)} names must be camelCase identifiers` });
      }
      for (const field of schemas) {
        const schema = (member as Obj | undefined)?.[field];
        if (schema && typeof schema === 'object') found.push(...compileSpecSchema(schema, [kind, name, field]).findings);
      }
    }
  }
  return found;
}
