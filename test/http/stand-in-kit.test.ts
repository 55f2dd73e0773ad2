/**
 * What a provider stand-in is built on (`startStandIn` from @contractgen/runtime/testing), on its
 * own: a user writing a stand-in for their own provider gets recording, scripting and route
 * matching from it. Real HTTP over loopback with Node's fetch; the provider here answers every
 * request with its method and path.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { singleValue, startStandIn, type StandIn } from '@contractgen/runtime/testing';

let standIn: StandIn;
let counter = 0;

beforeAll(async () => {
  standIn = await startStandIn((request) => ({ status: 200, body: { echo: `${request.method} ${request.path}` } }), {
    headers: () => ({ 'x-request-id': `RQ${++counter}` }),
  });
});
afterEach(() => standIn.reset());
afterAll(() => standIn.close());

const send = (path: string, init: RequestInit = {}) => fetch(`${standIn.url}${path}`, init);

describe('recording', () => {
  it('records method, host, path, query, form, JSON and Basic auth, with the credentials out of print', async () => {
    const basic = `Basic ${Buffer.from('user:s3cret').toString('base64')}`;
    await send('/v1/items?tag=a&tag=b&one=1', { method: 'POST', headers: { authorization: basic, 'x-forwarded-host': 'api.example.com' }, body: new URLSearchParams([['to', '+1'], ['__proto__', 'x']]) });
    await send('/v1/json', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"a":[1]}' });
    const [form, json] = standIn.requests;
    expect(form).toMatchObject({ method: 'POST', host: 'api.example.com', path: '/v1/items', query: { tag: ['a', 'b'], one: '1' }, form: { to: '+1' }, auth: { scheme: 'basic', username: 'user' } });
    expect(Object.hasOwn(form!.form, '__proto__')).toBe(true);
    expect(form!.auth!.password).toBe('s3cret');
    expect(form!.headers.authorization).toBe('Basic [redacted]');
    expect(form!.receivedAt).toBeInstanceOf(Date);
    for (const printed of [inspect(standIn.requests, { depth: 5 }), JSON.stringify(standIn.requests)]) expect(printed).not.toContain('s3cret');
    expect(json).toMatchObject({ method: 'PUT', host: new URL(standIn.url).host, json: { a: [1] }, form: {} });
    expect([singleValue(form!.query.one), singleValue(form!.query.tag), singleValue(form!.query.none)]).toEqual(['1', undefined, undefined]);
  });
});

describe('scripting', () => {
  it('answers scripted requests first, in order, as often as `times` says, then as the provider does', async () => {
    standIn.respondNext('POST /v1/messages/{id}', { status: 429, body: 'slow down', headers: { 'retry-after': '2' }, times: 2 });
    standIn.respondNext(/^\/v1\/messages\//, { body: { scripted: true } });
    expect(standIn.pendingScripts).toBe(3);
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const response = await send('/v1/messages/42', { method: 'POST' });
      answers.push([response.status, await response.text(), response.headers.get('retry-after'), response.headers.get('x-request-id')?.startsWith('RQ')]);
    }
    expect(answers).toEqual([
      [429, 'slow down', '2', true],
      [429, 'slow down', '2', true],
      [200, '{"scripted":true}', null, true],
      [200, '{"echo":"POST /v1/messages/42"}', null, true],
    ]);
    expect(standIn.pendingScripts).toBe(0);
  });

  it('matches by method and path template, or by a predicate', async () => {
    standIn.respondNext('GET /v1/*.json', { status: 404 });
    standIn.respondNext((request) => request.query.fail !== undefined, { status: 500 });
    expect((await send('/v1/a.json', { method: 'POST' })).status).toBe(200);
    expect((await send('/v1/a.json')).status).toBe(404);
    expect((await send('/v1/a/b.json')).status).toBe(200);
    expect((await send('/x?fail')).status).toBe(500);
  });

  it('delays, drops the connection, or hangs until close()', async () => {
    standIn.respondNext('/slow', { delayMs: 100, status: 202 });
    const started = Date.now();
    expect((await send('/slow')).status).toBe(202);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);

    standIn.respondNext('/drop', { destroy: true });
    expect(await send('/drop').catch((error: Error) => (error.cause as { code?: string }).code)).toMatch(/^(UND_ERR_SOCKET|ECONNRESET)$/);

    const own = await startStandIn(() => ({ status: 200 }));
    own.respondNext('/hang', { hang: true }).respondNext('/late', { delayMs: 60_000 });
    const hanging = [fetch(`${own.url}/hang`).catch(() => 'closed'), fetch(`${own.url}/late`).catch(() => 'closed')];
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(own.requests.map((request) => request.path)).toEqual(['/hang', '/late']);
    const closing = Date.now();
    await own.close();
    expect(await Promise.all(hanging)).toEqual(['closed', 'closed']);
    expect(Date.now() - closing).toBeLessThan(5_000);
  });
});
