/**
 * The build-time checks of an `http` binding (HTTP-DESIGN.md section 2; codes CG180-CG197, CG117,
 * CG113): each case breaks one thing in a good spec (the Vonage and Plivo bindings of
 * the repository's specs/integrations/, author form) and expects its diagnostic at the offending property,
 * with the code frame the CLI prints; the good specs themselves produce no diagnostic. In process
 * (`generate` in validate mode, the CLI's own reporter): one project per case, the sms.outbound
 * capability beside the spec.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GenerateResult } from '../generator/index.js';
import { defineIntegration } from '../generator/spec-rules/define.js';
import { plivoSmsIntegrationSpec } from '../specs/integrations/sms-plivo.js';
import { runInProcess } from './support/in-process.js';
import { copyInto, REPO, removeDir, scratchDir, TWILIO_SPECS, writeFiles } from './support/workspace.js';

const SPECS = { vonage: 'sms-vonage.ts', plivo: 'sms-plivo.ts' } as const;
type Provider = keyof typeof SPECS;
const source = (provider: Provider) => readFileSync(join(REPO, 'specs', 'integrations', SPECS[provider]), 'utf8');

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));

interface Run {
  readonly result: GenerateResult;
  readonly text: string;
  readonly file: string;
  readonly human: string;
  readonly code: 0 | 1;
}

/** `provider`'s spec with `edit` applied (it must change something), validated in a project of its own. */
async function validate(provider: Provider, edit?: (spec: string) => string, extra: Record<string, string> = {}): Promise<Run> {
  const original = source(provider);
  const text = edit ? edit(original) : original;
  if (edit) expect(text, 'the edit changed nothing').not.toBe(original);
  const root = scratchDir('http-checks');
  scratch.push(root);
  copyInto(join(TWILIO_SPECS, 'capabilities', 'sms-outbound.ts'), join(root, 'specs', 'capabilities', 'sms-outbound.ts'));
  writeFiles(root, { [`specs/integrations/${SPECS[provider]}`]: text, 'package.json': '{ "name": "http-checks", "private": true }\n', ...extra });
  const run = await runInProcess({ root, specs: 'specs', mode: 'validate' });
  return { result: run.result, text, file: join(root, 'specs', 'integrations', SPECS[provider]), human: run.stderr + run.stdout, code: run.code };
}

const replace = (from: string | RegExp, to: string) => (spec: string) => spec.replace(from, to);

interface Case {
  readonly provider: Provider;
  readonly edit: (spec: string) => string;
  readonly code: `CG${number}`;
  readonly severity?: 'error' | 'warning';
  /** The source text the diagnostic's line:column points at. */
  readonly at: string;
  readonly message: string;
  readonly hint?: string;
  /** Every code the run reports (default: just `code`): no follow-on noise. */
  readonly codes?: readonly string[];
}

const cases: Record<string, Case> = {
  'http without a provided capability': {
    provider: 'plivo',
    edit: replace("provides: [{ key: 'sms.outbound', version: '1.0.0' }]", 'provides: []'),
    code: 'CG180',
    at: 'http: {',
    message: 'http binds operations, but the integration provides no capability',
    codes: ['CG135', 'CG180'],
  },
  'an operation no provided capability defines': {
    provider: 'vonage',
    edit: replace('getDeliveryStatus: {', 'getDeliveryStatuss: {'),
    code: 'CG180',
    at: 'getDeliveryStatuss: {',
    message: 'binds "getDeliveryStatuss", which no provided capability (sms.outbound) defines',
    hint: 'did you mean "getDeliveryStatus"?',
    codes: ['CG180', 'CG193'],
  },
  'an unknown root': {
    provider: 'vonage',
    edit: replace("text: 'input.body'", "text: 'inptu.body'"),
    code: 'CG181',
    at: "text: 'inptu.body'",
    message: 'http.operations.sendSms.body.fields.text "inptu.body" is not a reference',
    hint: 'did you mean "input.body"?',
  },
  'a constant written as a reference': {
    provider: 'vonage',
    edit: replace("product: { value: 'SMS' }", "product: 'SMS'"),
    code: 'CG181',
    at: "product: 'SMS'",
    message: 'its root "SMS" is none of input, config, secrets',
    hint: 'write { value: "SMS" } for a constant',
  },
  'a response root in a request': {
    provider: 'vonage',
    edit: replace("callback: 'input.statusCallbackUrl'", "callback: 'body.statusCallbackUrl'"),
    code: 'CG181',
    at: "callback: 'body.statusCallbackUrl'",
    message: 'cannot be read here: a request is built from input.*, config.* and secrets.*',
  },
  'an input reference in an error condition': {
    provider: 'vonage',
    edit: replace("path: 'body.items_count'", "path: 'input.id'"),
    code: 'CG181',
    at: "path: 'input.id'",
    message: 'errors[0].when.body.path "input.id" cannot be read here',
  },
  'an input reference in the health probe': {
    provider: 'plivo',
    edit: replace("health: { method: 'GET', path: '/v1/Account/{secrets.authId}/' }", "health: { method: 'GET', path: '/v1/Account/{input.id}/' }"),
    code: 'CG181',
    at: "path: '/v1/Account/{input.id}/'",
    message: 'placeholder {input.id} cannot be read here: the health probe has no input',
  },
  'a placeholder never closed': {
    provider: 'plivo',
    edit: replace("/Message/{input.id}/'", "/Message/{input.id/'"),
    code: 'CG181',
    at: "path: '/v1/Account/{secrets.authId}/Message/{input.id/'",
    message: 'template has a "{" that is never closed',
    codes: ['CG181'],
  },
  'a request id read from the input': {
    provider: 'plivo',
    edit: replace("requestId: 'body.api_id'", "requestId: 'input.api_id'"),
    code: 'CG181',
    at: "requestId: 'input.api_id'",
    message: 'http.requestId "input.api_id" cannot be read here',
  },
  'an unknown input field in a body field': {
    provider: 'vonage',
    edit: replace("to: { from: 'input.to', removePrefix: '+' }", "to: { from: 'input.too', removePrefix: '+' }"),
    code: 'CG182',
    at: "from: 'input.too'",
    message: 'http.operations.sendSms.body.fields.to.from refers to unknown input field "too"',
    hint: 'did you mean "to"?',
  },
  'an unknown input field in a path placeholder': {
    provider: 'plivo',
    edit: replace('/Message/{input.id}/', '/Message/{input.uuid}/'),
    code: 'CG182',
    at: "path: '/v1/Account/{secrets.authId}/Message/{input.uuid}/'",
    message: 'refers to unknown input field "uuid"',
  },
  'an unknown input field in a response mapping': {
    provider: 'plivo',
    edit: replace("to: 'input.to',", "to: 'input.number',"),
    code: 'CG182',
    at: "to: 'input.number'",
    message: 'http.operations.sendSms.response.output.to refers to unknown input field "number"',
  },
  "an error rule's input that is no input field": {
    provider: 'vonage',
    edit: replace("error: 'invalidInput', input: 'to'", "error: 'invalidInput', input: 'recipient'"),
    code: 'CG182',
    at: "input: 'recipient'",
    message: 'errors[3].input refers to unknown input field "recipient"',
  },
  'an unknown input field in a shared rule': {
    provider: 'plivo',
    edit: replace("error: 'authentication', message: errorText", "error: 'authentication', message: 'input.nope'"),
    code: 'CG182',
    at: "message: 'input.nope'",
    message: 'http.errors[0].message refers to unknown input field (of sendSms) "nope"',
  },
  'an unsupported field the input does not have': {
    provider: 'vonage',
    edit: replace('unsupported: { mediaUrls:', 'unsupported: { mediaUrl:'),
    code: 'CG182',
    at: 'mediaUrl:',
    message: 'http.operations.sendSms.unsupported.mediaUrl refers to unknown input field "mediaUrl"',
    hint: 'did you mean "mediaUrls"?',
  },
  'an unknown config field': {
    provider: 'vonage',
    edit: replace("{ from: 'config.fromNumber', removePrefix: '+' }", "{ from: 'config.fromNumbr', removePrefix: '+' }"),
    code: 'CG183',
    at: "from: 'config.fromNumbr'",
    message: 'refers to unknown config field "fromNumbr"',
    hint: 'did you mean "fromNumber"?',
  },
  'an unknown secret field': {
    provider: 'plivo',
    edit: replace("password: 'secrets.authToken'", "password: 'secrets.authTokn'"),
    code: 'CG184',
    at: "password: 'secrets.authTokn'",
    message: 'http.auth.password refers to unknown secret "authTokn"',
    hint: 'did you mean "authToken"?',
  },
  'a secretsInUrl entry for an unknown secret': {
    provider: 'vonage',
    edit: replace("apiSecret: 'get-balance", "apiSecrett: 'get-balance"),
    code: 'CG184',
    at: "apiSecrett: 'get-balance",
    message: 'http.secretsInUrl.apiSecrett refers to unknown secret "apiSecrett"',
    codes: ['CG184', 'CG186'],
  },
  'a secret in a response mapping': {
    provider: 'plivo',
    edit: replace("priceUnit: { value: 'USD' }", "priceUnit: 'secrets.authId'"),
    code: 'CG185',
    at: "priceUnit: 'secrets.authId'",
    message: 'reads the secret authId into a response mapping',
  },
  'a secret in an error message': {
    provider: 'plivo',
    edit: replace("error: 'rateLimited', message: errorText", "error: 'rateLimited', message: 'secrets.authToken'"),
    code: 'CG185',
    at: "message: 'secrets.authToken'",
    message: 'http.errors[1].message reads the secret authToken',
  },
  'a secret in the path without secretsInUrl': {
    provider: 'plivo',
    edit: replace(/ {4}secretsInUrl: .*\n/, ''),
    code: 'CG186',
    at: "path: '/v1/Account/{secrets.authId}/Message/',",
    message: 'http.operations.sendSms.path puts the secret authId in the URL',
    hint: "http.secretsInUrl: { authId: '...' }",
    codes: ['CG186', 'CG186', 'CG186'],
  },
  'a secret in query auth without secretsInUrl': {
    provider: 'vonage',
    edit: replace(/ {6}apiSecret: 'get-balance.*\n/, ''),
    code: 'CG186',
    at: "api_secret: 'secrets.apiSecret' } },\n    },",
    message: 'http.health.auth.fields.api_secret puts the secret apiSecret in the URL',
  },
  'a secretsInUrl entry no URL needs': {
    provider: 'plivo',
    edit: replace('names the account by its auth id" }', `names the account by its auth id", authToken: 'not needed' }`),
    code: 'CG187',
    severity: 'warning',
    at: "authToken: 'not needed'",
    message: 'declares the secret authToken necessary in a URL, but no path, query or query auth of the binding puts it there',
  },
  'a base URL that is not https': {
    provider: 'plivo',
    edit: replace("baseUrl: 'https://api.plivo.com'", "baseUrl: 'http://api.plivo.com'"),
    code: 'CG117',
    at: "baseUrl: 'http://api.plivo.com'",
    message: 'http.baseUrl must be an absolute https:// URL',
  },
  "an operation's base URL with a placeholder": {
    provider: 'vonage',
    edit: replace("baseUrl: 'https://api.nexmo.com'", "baseUrl: 'https://{config.region}.nexmo.com'"),
    code: 'CG117',
    at: "baseUrl: 'https://{config.region}.nexmo.com'",
    message: 'http.operations.getDeliveryStatus.baseUrl must be a fixed https:// URL',
  },
  'a required output field never filled': {
    provider: 'plivo',
    edit: replace('            errorMessage: { value: null },\n', ''),
    code: 'CG188',
    at: 'output: {',
    message: 'http.operations.sendSms.response.output never fills errorMessage, which the output of sendSms requires',
  },
  'an unknown output field': {
    provider: 'vonage',
    edit: replace("segments: { from: 'body.message-count'", "segmentCount: { from: 'body.message-count'"),
    code: 'CG189',
    at: 'segmentCount:',
    message: 'http.operations.sendSms.response.output.segmentCount is not a field of the output of sendSms',
    codes: ['CG188', 'CG189'],
  },
  'a constant the output field refuses': {
    provider: 'plivo',
    edit: replace("priceUnit: { value: 'USD' }", 'priceUnit: { value: 840 }'),
    code: 'CG190',
    at: 'value: 840',
    message: 'is 840, which the output field priceUnit refuses: it must be a string or null',
  },
  'a status the capability does not know': {
    provider: 'vonage',
    edit: replace("map: { '0': 'queued' }", "map: { '0': 'queud' }"),
    code: 'CG190',
    at: "'0': 'queud'",
    message: 'maps "0" to "queud", which the output field status refuses',
    hint: 'did you mean "queued"?',
  },
  'an unmapped provider status': {
    provider: 'plivo',
    edit: replace("read: 'delivered'", 'read: null'),
    code: 'CG191',
    at: 'read: null',
    message: `leaves the provider's value "read" unmapped (null), which the output field status refuses`,
  },
  'a conversion the output field does not accept': {
    provider: 'vonage',
    edit: replace("segments: { from: 'body.message-count', as: 'integer' }", "segments: { from: 'body.message-count', as: 'date-time' }"),
    code: 'CG192',
    at: "as: 'date-time'",
    message: "as: 'date-time' gives a string, but the output field segments is an integer or null",
    hint: "as: 'integer'",
  },
  'a template into an integer field': {
    provider: 'plivo',
    edit: replace("segments: { from: 'body.units', as: 'integer' }", "segments: { template: '{body.units}' }"),
    code: 'CG192',
    at: "template: '{body.units}'",
    message: 'a template gives a string, but the output field segments is an integer or null',
  },
  'an operation left unbound without an adapter': {
    provider: 'plivo',
    edit: replace(/ {6}getDeliveryStatus: \{[\s\S]*?\n {6}\},\n/, ''),
    code: 'CG193',
    severity: 'warning',
    at: 'operations: {',
    message: 'http.operations binds no request for getDeliveryStatus, and no hand-written adapter serves it',
  },
  'no health probe without an adapter': {
    provider: 'plivo',
    edit: replace(/ {4}health: .*\n/, ''),
    code: 'CG193',
    severity: 'warning',
    at: 'http: {',
    message: 'http binds no health probe',
  },
  'invalidInput without input': {
    provider: 'plivo',
    edit: replace("error: 'invalidInput', input: 'id',", "error: 'invalidInput',"),
    code: 'CG194',
    at: "error: 'invalidInput', message",
    message: 'errors[0].error is "invalidInput" but the rule names no input field',
  },
  'an unknown error kind': {
    provider: 'vonage',
    edit: replace("in: ['8'] } }, error: 'authentication'", "in: ['8'] } }, error: 'authentification'"),
    code: 'CG113',
    at: "error: 'authentification'",
    message: 'errors[5].error must be one of "authentication"',
    hint: 'did you mean "authentication"?',
  },
  'two rules with one name': {
    provider: 'vonage',
    edit: replace("name: 'accountBarred'", "name: 'invalidCredentials'"),
    code: 'CG195',
    at: "name: 'invalidCredentials', when: { body: { path: sendStatus, in: ['8'] } }",
    message: 'errors[5].name "invalidCredentials" is already the name of http.operations.sendSms.errors[4]',
  },
  'a send retried on a 5xx': {
    provider: 'vonage',
    edit: replace("{ name: 'internalError', when: { body: { path: sendStatus, in: ['5'] } }, error: 'provider',", "{ name: 'internalError', when: { status: '5xx' }, error: 'provider', retryable: true,"),
    code: 'CG196',
    at: 'retryable: true,',
    message: 'errors[6].retryable is retryable, and the rule can match a 5xx or 408 answer of sendSms, which is not idempotent',
  },
  'a shared rateLimited rule on a 408': {
    provider: 'plivo',
    edit: replace("when: { status: 429 }, error: 'rateLimited'", "when: { status: [408, 429] }, error: 'rateLimited'"),
    code: 'CG196',
    at: "error: 'rateLimited'",
    message: 'http.errors[1].error is rateLimited (always retried), and the rule can match a 5xx or 408 answer of sendSms',
  },
  'an input field dropped silently': {
    provider: 'vonage',
    edit: replace(/ {8}local: \{ metadata: .*\n/, ''),
    code: 'CG197',
    severity: 'warning',
    at: 'sendSms: {',
    message: "http.operations.sendSms never sends the input field metadata: a caller's metadata would be dropped silently",
  },
  'a base URL with a query': {
    provider: 'plivo',
    edit: replace("baseUrl: 'https://api.plivo.com'", "baseUrl: 'https://api.plivo.com?v=1'"),
    code: 'CG117',
    at: "baseUrl: 'https://api.plivo.com?v=1'",
    message: 'http.baseUrl must be an https:// URL without a query or fragment',
  },
  'a path that does not start with a slash': {
    provider: 'vonage',
    edit: replace("path: '/sms/json'", "path: 'sms/json'"),
    code: 'CG198',
    at: "path: 'sms/json'",
    message: 'http.operations.sendSms.path must start with "/"',
    hint: 'write "/sms/json"',
  },
  'a query written into the path': {
    provider: 'vonage',
    edit: replace("path: '/account/get-balance'", "path: '/account/get-balance?currency=EUR'"),
    code: 'CG198',
    at: "path: '/account/get-balance?currency=EUR'",
    message: 'http.health.path must not hold "?" or "#"',
  },
  'an error rule every success matches': {
    provider: 'plivo',
    edit: replace("when: { status: 404 }, error: 'invalidInput'", "when: { status: [200, 404] }, error: 'invalidInput'"),
    code: 'CG199',
    at: 'when: { status: [200, 404] }',
    message: 'http.operations.getDeliveryStatus.errors[0].when matches every successful answer',
  },
  'a health status the report does not know': {
    provider: 'plivo',
    edit: replace("path: '/v1/Account/{secrets.authId}/' }", "path: '/v1/Account/{secrets.authId}/', status: { from: 'body.state', map: { active: 'up' } } }"),
    code: 'CG190',
    at: "active: 'up'",
    message: 'maps "active" to "up", which the health status refuses',
  },
};

/**
 * Every place a value can be written, each given the unknown root `nope.x` in the Plivo binding:
 * each is found, at that place (the class of "a reference anywhere", not a list of known cases).
 */
const places: Record<string, { edit: (spec: string) => string; path: string }> = {
  'a path placeholder': { edit: replace('/Message/{input.id}/', '/Message/{nope.x}/'), path: 'http.operations.getDeliveryStatus.path' },
  'a query parameter': { edit: replace("path: '/v1/Account/{secrets.authId}/Message/{input.id}/',", "path: '/v1/Account/{secrets.authId}/Message/{input.id}/',\n        query: { q: 'nope.x' },"), path: 'http.operations.getDeliveryStatus.query.q' },
  'a header': { edit: replace("method: 'POST',", "method: 'POST',\n        headers: { 'x-client': 'nope.x' },"), path: 'http.operations.sendSms.headers.x-client' },
  'a body field': { edit: replace("text: 'input.body'", "text: 'nope.x'"), path: 'http.operations.sendSms.body.fields.text' },
  'basic auth': { edit: replace("username: 'secrets.authId'", "username: 'nope.x'"), path: 'http.auth.username' },
  'bearer auth': { edit: replace("auth: { type: 'basic', username: 'secrets.authId', password: 'secrets.authToken' }", "auth: { type: 'bearer', token: 'nope.x' }"), path: 'http.auth.token' },
  'auth fields': { edit: replace("auth: { type: 'basic', username: 'secrets.authId', password: 'secrets.authToken' }", "auth: { type: 'header', fields: { 'x-auth-id': 'nope.x' } }"), path: 'http.auth.fields.x-auth-id' },
  "an operation's own auth": { edit: replace("method: 'POST',", "method: 'POST',\n        auth: { type: 'basic', username: 'secrets.authId', password: 'nope.x' },"), path: 'http.operations.sendSms.auth.password' },
  'a first item': { edit: replace("from: { first: ['input.from', 'config.fromNumber'] }", "from: { first: ['nope.x', 'config.fromNumber'] }"), path: 'http.operations.sendSms.response.output.from.first[0]' },
  "a first item's from": { edit: replace("{ from: 'input.from', removePrefix: '+' }", "{ from: 'nope.x', removePrefix: '+' }"), path: 'http.operations.sendSms.body.fields.src.first[0].from' },
  'a template placeholder': { edit: replace("to: { template: '+{body.to_number}' }", "to: { template: '+{nope.x}' }"), path: 'http.operations.getDeliveryStatus.response.output.to.template' },
  "a conversion's from": { edit: replace("{ from: 'body.units', as: 'integer' }", "{ from: 'nope.x', as: 'integer' }"), path: 'http.operations.getDeliveryStatus.response.output.segments.from' },
  'an output field': { edit: replace("price: 'body.total_amount'", "price: 'nope.x'"), path: 'http.operations.getDeliveryStatus.response.output.price' },
  "a rule's code": { edit: replace("error: 'invalidInput', input: 'to',", "error: 'invalidInput', input: 'to', code: 'nope.x',"), path: 'http.operations.sendSms.errors[0].code' },
  "a rule's message": { edit: replace("error: 'invalidInput', input: 'id', message: errorText", "error: 'invalidInput', input: 'id', message: 'nope.x'"), path: 'http.operations.getDeliveryStatus.errors[0].message' },
  "a rule's docsUrl": { edit: replace("error: 'rateLimited',", "error: 'rateLimited', docsUrl: 'nope.x',"), path: 'http.errors[1].docsUrl' },
  "a rule's body condition": { edit: replace('when: { status: 404 }', "when: { status: 404, body: { path: 'nope.x', in: [1] } }"), path: 'http.operations.getDeliveryStatus.errors[0].when.body.path' },
  'the request id': { edit: replace("requestId: 'body.api_id'", "requestId: 'nope.x'"), path: 'http.requestId' },
  "the health probe's path": { edit: replace("health: { method: 'GET', path: '/v1/Account/{secrets.authId}/' }", "health: { method: 'GET', path: '/v1/Account/{nope.x}/' }"), path: 'http.health.path' },
  "the health probe's status and detail": {
    edit: replace("path: '/v1/Account/{secrets.authId}/' }", "path: '/v1/Account/{secrets.authId}/', detail: 'nope.x' }"),
    path: 'http.health.detail',
  },
};

describe('a reference anywhere', () => {
  it.each(Object.entries(places))('in %s', async (_name, place) => {
    const run = await validate('plivo', place.edit);
    expect(run.result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([expect.stringMatching(new RegExp(`^CG181 ${place.path.replace(/[.[\]]/g, '\\$&')} (placeholder \\{nope\\.x\\}|"nope\\.x") is not a reference`))]);
  });
});

/** The text that starts at a 1-based line and column. */
function textAt(text: string, line: number, column: number): string {
  const lines = text.split('\n');
  return [lines[line - 1]!.slice(column - 1), ...lines.slice(line)].join('\n');
}

describe('the good bindings', () => {
  it.each(Object.keys(SPECS) as Provider[])('%s: no diagnostic', async (provider) => {
    const run = await validate(provider);
    expect(run.result.diagnostics).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('a retryable 5xx rule on an idempotent operation is no problem', async () => {
    const run = await validate('plivo', replace("when: { status: 404 }, error: 'invalidInput', input: 'id'", "when: { status: 503 }, error: 'provider', retryable: true"));
    expect(run.result.diagnostics).toEqual([]);
  });

  it('an operation left unbound is no warning when a hand-written adapter serves the rest', async () => {
    const adapter = `import { defineAdapter } from '@contractgen/runtime';\nexport const plivoAdapter = defineAdapter({ integration: 'sms.plivo', connect: () => { throw new Error('unused'); } });\n`;
    const run = await validate('plivo', cases['an operation left unbound without an adapter']!.edit, { 'adapters/plivo.ts': adapter });
    expect(run.result.diagnostics).toEqual([]);
  });
});

describe('each check, at the offending property', () => {
  it.each(Object.entries(cases))('%s', async (_name, c) => {
    const run = await validate(c.provider, c.edit);
    const severity = c.severity ?? 'error';
    const all = run.result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n');
    expect(run.result.diagnostics.map((d) => d.code).sort(), all).toEqual([...(c.codes ?? [c.code])].sort());
    const found = run.result.diagnostics.find((d) => d.code === c.code && d.message.includes(c.message));
    expect(found, `no ${c.code} with "${c.message}" in:\n${all}`).toBeDefined();
    expect(found!.severity).toBe(severity);
    if (c.hint) expect(found!.hint).toContain(c.hint);
    expect(found!.file).toBe(run.file);
    expect(textAt(run.text, found!.line!, found!.column!).startsWith(c.at), `points at: ${textAt(run.text, found!.line!, found!.column!).split('\n')[0]}`).toBe(true);
    expect(run.code).toBe(severity === 'error' ? 1 : 0);
    // As the CLI prints it: the location, then a code frame with the offending line.
    const header = `specs/integrations/${SPECS[c.provider]}:${found!.line}:${found!.column} - ${severity} ${c.code}: `;
    const lines = run.human.split('\n');
    const at = lines.findIndex((line) => line.startsWith(header));
    expect(at, run.human).toBeGreaterThanOrEqual(0);
    expect(lines.slice(at + 1, at + 5).some((line) => new RegExp(`^ *${found!.line} \\| `).test(line)), run.human).toBe(true);
  });
});

/** A capability whose schemas reach their fields through `$ref`, `allOf` and nested objects, and an integration binding it. */
const TICKETS = {
  capability: `import { defineCapability, StabilityEnum } from 'contractgen/spec';
export const ticketsCapability = defineCapability({
  meta: { key: 'tickets', version: '1.0.0', title: 'Tickets', description: 'Support tickets.', domain: 'support', owners: ['support'], tags: ['tickets'], stability: StabilityEnum.Beta },
  operations: {
    openTicket: {
      description: 'Open a ticket.',
      idempotent: false,
      input: {
        type: 'object',
        required: ['subject'],
        additionalProperties: false,
        properties: { subject: { type: 'string' }, requester: { $ref: '#/definitions/person' } },
        definitions: { person: { type: 'object', additionalProperties: false, properties: { email: { type: 'string' } } } },
      },
      output: {
        allOf: [{ $ref: '#/definitions/ticket' }],
        definitions: {
          ticket: { type: 'object', required: ['id', 'state'], additionalProperties: false, properties: { id: { type: 'string' }, state: { $ref: '#/definitions/state' } } },
          state: { type: 'string', enum: ['open', 'closed'] },
        },
      },
    },
  },
});
`,
  integration: `import { defineIntegration, StabilityEnum } from 'contractgen/spec';
export const acmeTicketsSpec = defineIntegration({
  meta: { key: 'tickets.acme', version: '1.0.0', category: 'other', title: 'Acme tickets', description: 'Acme help desk.', domain: 'support', owners: ['support'], tags: ['tickets'], stability: StabilityEnum.Beta },
  supportedModes: ['managed'],
  capabilities: { provides: [{ key: 'tickets', version: '1.0.0' }] },
  configSchema: { schema: { type: 'object', properties: {} }, example: {} },
  secretSchema: { schema: { type: 'object', required: ['token'], properties: { token: { type: 'string' } } }, example: { token: 'xxx' } },
  healthCheck: { method: 'custom', timeoutMs: 3000 },
  http: {
    baseUrl: 'https://help.acme.example',
    auth: { type: 'bearer', token: 'secrets.token' },
    operations: {
      openTicket: {
        method: 'POST',
        path: '/tickets',
        body: { encoding: 'json', fields: { subject: 'input.subject', email: 'input.requester.email' } },
        response: { output: { id: 'body.id', state: { from: 'body.status', map: { new: 'open', done: 'closed' } } } },
      },
    },
    health: { method: 'GET', path: '/me' },
  },
});
`,
};

describe('schemas that reach their fields through $ref, allOf and nested objects', () => {
  const run = async (edit?: (spec: string) => string) => {
    const root = scratchDir('http-checks-refs');
    scratch.push(root);
    const integration = edit ? edit(TICKETS.integration) : TICKETS.integration;
    if (edit) expect(integration).not.toBe(TICKETS.integration);
    writeFiles(root, { 'specs/tickets.ts': TICKETS.capability, 'specs/acme.ts': integration, 'package.json': '{ "name": "tickets", "private": true }\n' });
    const result = (await runInProcess({ root, specs: 'specs', mode: 'validate' })).result;
    return result.diagnostics.map((d) => `${d.code} ${d.message}${d.hint ? ` (${d.hint})` : ''}`);
  };

  it('a good binding passes', async () => {
    expect(await run()).toEqual([]);
  });

  it('an input field below a $ref, a required output field below allOf, a map value against a $ref-ed enum', async () => {
    expect(await run(replace("'input.requester.email'", "'input.requester.mail'"))).toEqual(['CG182 http.operations.openTicket.body.fields.email refers to unknown input field "requester.mail" (did you mean "email"?)']);
    expect(await run(replace("id: 'body.id', ", ''))).toEqual(['CG188 http.operations.openTicket.response.output never fills id, which the output of openTicket requires (map each from the answer (body.*, header.*), the input or the config, or give a constant ({ value: null } where the field allows null): no value is ever made up)']);
    expect(await run(replace("done: 'closed'", "done: 'shut'"))).toEqual([expect.stringMatching(/^CG190 http\.operations\.openTicket\.response\.output\.state\.map\.done maps "done" to "shut", which the output field state refuses: it must be one of "open", "closed"/)]);
  });
});

describe('defineIntegration, when a spec module is imported directly', () => {
  it('runs the rules that need no capability: a good binding passes, a secret in a URL throws', () => {
    // Importing the fixture ran defineIntegration on it already.
    expect(plivoSmsIntegrationSpec.http.baseUrl).toBe('https://api.plivo.com');
    const { secretsInUrl: _reasons, ...undeclared } = plivoSmsIntegrationSpec.http;
    expect(() => defineIntegration({ ...plivoSmsIntegrationSpec, http: undeclared })).toThrow(/http\.operations\.sendSms\.path: puts the secret authId in the URL.*\(CG186\)/);
  });
});
