/**
 * The rules of an `http` section that need nothing but its own spec (defineIntegration runs them
 * too): every reference reads a root its place may read, and a config or secret field the spec
 * declares; no secret in a response mapping, none in a URL unless `secretsInUrl` says why; base
 * URLs https; error rules named once, `invalidInput` ones blaming an input field; the health
 * status a value the report knows. The rules against the capabilities (input and output fields,
 * operations, retries) are generator/check/http.ts's.
 */
import { closest, formatPath, type SpecFinding } from './findings.js';
import { HTTP_ROOTS, httpRequests, httpRules, httpSites, referencesIn, ROOTS_BY_SIDE, type FoundReference, type HttpSite } from './http-sites.js';
import { valueFindings } from './http-values.js';
import { fieldAt } from './schema-fields.js';
import { httpsUrl } from './urls.js';
import { isRecord } from '../values.js';

type Obj = Record<string, unknown>;
type Path = readonly (string | number)[];

/** What the health probe's `status` must give. */
const HEALTH_STATUS_SCHEMA = { type: 'string', enum: ['ok', 'degraded', 'down'] };

export function httpFindings(spec: Obj): SpecFinding[] {
  const http = spec.http;
  if (!isRecord(http)) return [];
  const config = schemaOf(spec.configSchema);
  const secrets = schemaOf(spec.secretSchema);
  const found: SpecFinding[] = [...baseUrls(http), ...requestPaths(http)];
  const secretsInUrl = isRecord(http.secretsInUrl) ? http.secretsInUrl : {};
  const inUrl = new Set<string>();
  for (const site of httpSites(http)) {
    for (const ref of referencesIn(site)) {
      found.push(...referenceFindings(site, ref, config, secrets));
      const secret = ref.reference?.root === 'secrets' && site.side === 'request' ? ref.reference.segments[0] : undefined;
      if (typeof secret !== 'string' || !site.inUrl) continue;
      inUrl.add(secret);
      if (!Object.hasOwn(secretsInUrl, secret)) {
        found.push({
          code: 'CG186',
          severity: 'error',
          path: ref.path,
          message: `puts the secret ${secret} in the URL, which proxies, access logs and browser histories keep`,
          hint: `send it in a header, the body or basic auth; if the provider accepts it only in the URL, say why in http.secretsInUrl: { ${secret}: '...' }`,
        });
      }
    }
  }
  for (const name of Object.keys(secretsInUrl)) {
    if (secrets && 'missingAt' in fieldAt(secrets, [name])) found.push(unknownField('CG184', ['http', 'secretsInUrl', name], 'secret', name, secrets));
    else if (!inUrl.has(name)) found.push({ code: 'CG187', severity: 'warning', path: ['http', 'secretsInUrl', name], message: `declares the secret ${name} necessary in a URL, but no path, query or query auth of the binding puts it there`, hint: 'remove the entry: it allows a secret in URLs that no request needs' });
  }
  found.push(...ruleFindings(http));
  for (const { path, request, scope } of httpRequests(http)) {
    if (scope.kind === 'health' && 'status' in request) found.push(...valueFindings(request.status, [...path, 'status'], { schema: HEALTH_STATUS_SCHEMA, field: 'the health status' }));
  }
  return found;
}

function schemaOf(block: unknown): Obj | undefined {
  return isRecord(block) && isRecord(block.schema) ? block.schema : undefined;
}

/** CG117 for the binding's base URL and each request's own: https, fixed (no placeholder). */
function baseUrls(http: Obj): SpecFinding[] {
  const urls: [unknown, Path][] = [[http.baseUrl, ['http', 'baseUrl']], ...httpRequests(http).map(({ path, request }): [unknown, Path] => [request.baseUrl, [...path, 'baseUrl']])];
  return urls.flatMap(([url, path]): SpecFinding[] => {
    if (typeof url === 'string' && /[{}]/.test(url)) return [{ code: 'CG117', severity: 'error', path, message: 'must be a fixed https:// URL: placeholders go in the path', hint: 'write the varying part in `path`, e.g. "/v1/Account/{secrets.authId}/"' }];
    // The request path is appended to it: a query or fragment here would swallow the path.
    if (typeof url === 'string' && /[?#]/.test(url)) return [{ code: 'CG117', severity: 'error', path, message: 'must be an https:// URL without a query or fragment: the request path is appended to it', hint: 'query parameters go in `query`' }];
    return httpsUrl(url, path);
  });
}

/**
 * CG198: a request path is appended to the base URL as it is, so it starts with "/" (without it,
 * `https://api.example.com` + `.evil.example/x` is another host, credentials included), and its
 * text holds no "?" or "#" (the query is built from `query`; a fragment is never sent).
 */
function requestPaths(http: Obj): SpecFinding[] {
  return httpRequests(http).flatMap(({ path, request }): SpecFinding[] => {
    const text = request.path;
    if (typeof text !== 'string') return [];
    if (!text.startsWith('/')) return [{ code: 'CG198', severity: 'error', path: [...path, 'path'], message: 'must start with "/": it is appended to the base URL as it is, and would otherwise change its host', hint: `write "/${text}"` }];
    if (/[?#]/.test(text)) return [{ code: 'CG198', severity: 'error', path: [...path, 'path'], message: 'must not hold "?" or "#": the query is built from `query`, and a fragment is never sent', hint: 'move query parameters to query: { name: value }' }];
    return [];
  });
}

/** CG181/CG183/CG184/CG185 for one reference (input fields need the capability: check/http.ts). */
function referenceFindings(site: HttpSite, found: FoundReference, config: Obj | undefined, secrets: Obj | undefined): SpecFinding[] {
  const { path } = found;
  const bad = (message: string, hint?: string): SpecFinding[] => [{ code: 'CG181', severity: 'error', path, message, ...(hint ? { hint } : {}) }];
  if (!found.reference) return bad(found.problem ?? 'is not a reference');
  const { text, root, segments } = found.reference;
  const allowed = ROOTS_BY_SIDE[site.side];
  const quoted = found.placeholder ? `placeholder {${text}}` : `"${text}"`;
  if (!(HTTP_ROOTS as readonly string[]).includes(root)) {
    const suggestion = closest(root, allowed);
    const hint = suggestion
      ? `did you mean "${[suggestion, ...segments].join('.')}"?`
      : site.side === 'request'
        ? `a text is a reference (${allowed.map((r) => `${r}.*`).join(', ')}); write { value: ${JSON.stringify(text)} } for a constant`
        : `a response value is read from ${allowed.map((r) => `${r}.*`).join(', ')}: did you mean "body.${text}"?`;
    return bad(`${quoted} is not a reference: its root "${root}" is none of ${allowed.join(', ')}`, hint);
  }
  if (root === 'secrets' && site.side !== 'request') {
    return [{ code: 'CG185', severity: 'error', path, message: `reads the secret ${segments.join('.') || '(all secrets)'} into a response mapping: what it gives ends up in results, errors and logs`, hint: 'a response mapping reads body.*, header.*, input.* or config.*' }];
  }
  if (!allowed.includes(root as never)) {
    const where = site.side === 'match' ? 'a condition on the answer (and the request id) reads body.* or header.*' : site.side === 'request' ? 'a request is built from input.*, config.* and secrets.*' : 'a response mapping reads body.*, header.*, input.* or config.*';
    return bad(`${quoted} cannot be read here: ${where}`);
  }
  if (root === 'input' && site.scope.kind === 'health') return bad(`${quoted} cannot be read here: the health probe has no input`, 'read config.* or secrets.*');
  if (segments.length === 0 && root !== 'body') return bad(`${quoted} names no field: write ${root}.<field>`);
  if (root === 'header' && (segments.length > 1 || String(segments[0]) !== String(segments[0]).toLowerCase())) {
    return bad(`${quoted} is not a response header as the answer has it: one lower-case name`, `write "header.${segments.join('.').toLowerCase()}"`);
  }
  if (root === 'config' && config) {
    const lookup = fieldAt(config, segments);
    if ('missingAt' in lookup) return [unknownField('CG183', path, 'config field', segments.slice(0, lookup.missingAt + 1).join('.'), config, lookup.known)];
  }
  if (root === 'secrets' && secrets) {
    const lookup = fieldAt(secrets, segments.slice(0, 1));
    if ('missingAt' in lookup) return [unknownField('CG184', path, 'secret', String(segments[0]), secrets, lookup.known)];
    if (segments.length > 1) return bad(`${quoted} reads inside the secret ${String(segments[0])}, which is a string`);
  }
  return [];
}

/** A reference (or a name) to a field the schema does not declare, with the closest one it does. */
export function unknownField(code: 'CG182' | 'CG183' | 'CG184', path: Path, noun: string, name: string, schema: Obj, known?: readonly string[]): SpecFinding {
  const names = known ?? (isRecord(schema.properties) ? Object.keys(schema.properties) : []);
  const suggestion = closest(name.split('.').pop()!, names);
  const where = { CG182: "the operation's input schema", CG183: 'configSchema', CG184: 'secretSchema' }[code];
  return { code, severity: 'error', path, message: `refers to unknown ${noun} "${name}"`, hint: suggestion ? `did you mean "${suggestion}"?` : names.length ? `${where} declares ${names.join(', ')}` : `${where} declares no field` };
}

/** Whether a rule matches answers that succeeded whatever they hold: no body condition, and no status or a 2xx one. */
function matchesEverySuccess(rule: Obj): boolean {
  const when = isRecord(rule.when) ? rule.when : {};
  if (when.body !== undefined) return false;
  const statuses = when.status === undefined ? undefined : Array.isArray(when.status) ? when.status : [when.status];
  return !statuses || statuses.some((status) => typeof status === 'number' && status >= 200 && status <= 299);
}

/** CG194 (invalidInput without input), CG195 (one name, two rules), CG199 (a rule every success matches). */
function ruleFindings(http: Obj): SpecFinding[] {
  const found: SpecFinding[] = [];
  const named = new Map<string, Path>();
  for (const { path, rule } of httpRules(http)) {
    if (matchesEverySuccess(rule)) {
      found.push({ code: 'CG199', severity: 'error', path: [...path, 'when'], message: 'matches every successful answer (it has no body condition, and no status or a 2xx one): every call would fail with this error', hint: 'name the error statuses (when: { status: 429 }), or the provider code that marks a 2xx answer as an error (when: { body: { path, in } })' });
    }
    if (rule.error === 'invalidInput' && rule.input === undefined) {
      found.push({ code: 'CG194', severity: 'error', path: [...path, 'error'], message: 'is "invalidInput" but the rule names no input field', hint: "add input: '<field>' (the field the provider blames); an error that blames no field is error: 'provider'" });
    }
    if (typeof rule.name !== 'string') continue;
    const first = named.get(rule.name);
    if (first) found.push({ code: 'CG195', severity: 'error', path: [...path, 'name'], message: `"${rule.name}" is already the name of ${formatPath(first)}`, hint: 'docs list rules by name and the test double scripts them by name: give each its own' });
    else named.set(rule.name, path);
  }
  return found;
}
