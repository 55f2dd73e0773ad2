/**
 * The generic HTTP runtime's parts, each on its own: value evaluation, request writing, the
 * transport classification of fetch failures as Node's fetch really raises them, Retry-After.
 */
import { createServer as createHttpServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, ConnectionError, InvalidInputError, parseRetryAfter, Secret, TimeoutError, transportError, type HttpBinding } from '@contractgen/runtime';
import { buildRequest } from '../../runtime/http/request.js';
import { evaluate, ValueProblem } from '../../runtime/http/values.js';
import { closedPort } from '../support/closed-port.js';

const where = { integration: 'sms.test', operation: 'sendSms', peer: 'api.example.com' };

describe('values', () => {
  const scope = { input: { to: '+1555', list: ['a', 'b'], n: '0012' }, config: { from: null }, secrets: { token: new Secret('t0k') }, body: { a: [{ b: '7' }], when: '2021-07-13 13:04:06.799021+05:30' } };

  it('references, constants, first, templates, conversions and maps', () => {
    expect(evaluate({ ref: ['body', 'a', 0, 'b'] }, scope)).toBe('7');
    expect(evaluate({ ref: ['body', 'a', 1, 'b'] }, scope)).toBeUndefined();
    expect(evaluate({ ref: ['body', 'constructor'] }, scope)).toBeUndefined(); // own properties only
    expect(evaluate({ first: [{ ref: ['config', 'from'] }, { ref: ['input', 'to'] }] }, scope)).toBe('+1555');
    expect(evaluate({ template: ['whatsapp:', { ref: ['input', 'to'] }] }, scope)).toBe('whatsapp:+1555');
    expect(evaluate({ template: ['x', { ref: ['input', 'missing'] }] }, scope)).toBeUndefined();
    expect(evaluate({ from: { ref: ['input', 'to'] }, removePrefix: '+' }, scope)).toBe('1555');
    expect(evaluate({ from: { ref: ['input', 'n'] }, as: 'integer' }, scope)).toBe(12);
    expect(evaluate({ from: { ref: ['body', 'when'] }, as: 'date-time' }, scope)).toBe('2021-07-13T07:34:06.799Z');
    expect(evaluate({ from: { ref: ['body', 'a', 0, 'b'] }, map: { '7': 'seven' } }, scope)).toBe('seven');
    expect(evaluate({ from: { ref: ['input', 'list'] }, as: 'json' }, scope)).toBe('["a","b"]');
    expect(() => evaluate({ from: { ref: ['body', 'a', 0, 'b'] }, map: { '8': 'eight' } }, scope)).toThrow(ValueProblem);
    expect(() => evaluate({ from: { ref: ['input', 'to'] }, as: 'integer' }, scope)).toThrow('input.to is not an integer');
  });

  it('secrets stay wrapped: a reference gives the Secret, a template over one a new Secret', () => {
    expect(evaluate({ ref: ['secrets', 'token'] }, scope)).toBeInstanceOf(Secret);
    const header = evaluate({ template: ['Token ', { ref: ['secrets', 'token'] }] }, scope);
    expect(header).toBeInstanceOf(Secret);
    expect(String(header)).toBe('***');
    expect((header as Secret).reveal()).toBe('Token t0k');
  });
});

describe('buildRequest', () => {
  const binding: HttpBinding = { baseUrl: 'https://api.example.com/', auth: { type: 'bearer', token: { ref: ['secrets', 'token'] } }, operations: {} };
  const scope = { input: { id: 'a b/c', tags: ['x', 'y'], note: 'line\nbreak' }, config: {}, secrets: { token: new Secret('t0k') } };

  it('encodes path segments, repeats list fields, reveals secrets only on the wire', () => {
    const request = buildRequest(
      binding,
      { method: 'POST', path: ['/v1/items/', { ref: ['input', 'id'] }, '/'], query: { tag: { ref: ['input', 'tags'] }, skip: { ref: ['input', 'absent'] } }, body: { encoding: 'form', fields: { tag: { ref: ['input', 'tags'] } } } },
      scope,
      'sms.test',
    );
    expect(request).toEqual({
      url: 'https://api.example.com/v1/items/a%20b%2Fc/?tag=x&tag=y',
      method: 'POST',
      headers: { accept: 'application/json', authorization: 'Bearer t0k', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'tag=x&tag=y',
    });
  });

  it('refuses, before sending, a path placeholder that is absent or a dot segment, and a header with a line break', () => {
    const path = (id: unknown) => () => buildRequest(binding, { method: 'GET', path: ['/v1/', { ref: ['input', 'id'] }] }, { ...scope, input: { id } }, 'sms.test');
    for (const id of [undefined, '', '.', '..']) expect(path(id)).toThrow(InvalidInputError);
    expect(() => buildRequest(binding, { method: 'GET', path: ['/'], headers: { 'x-note': { ref: ['input', 'note'] } } }, scope, 'sms.test')).toThrow(InvalidInputError);
    expect(() => buildRequest(binding, { method: 'GET', path: ['/', { ref: ['config', 'account'] }] }, scope, 'sms.test')).toThrow(ConfigurationError);
  });
});

describe('transport failures, as Node 20 fetch raises them', () => {
  it('refused, DNS and TLS failures were never sent; a connection closed after the request may have been', async () => {
    const port = await closedPort();
    const refused = await fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(transportError(refused, where)).toBeInstanceOf(ConnectionError);
    // DNS, as undici wraps it (no real lookup: tests send nothing off this machine).
    expect(transportError(Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND', syscall: 'getaddrinfo' }) }), where)).toBeInstanceOf(ConnectionError);
    const server = createHttpServer((req) => req.on('data', () => {}).on('end', () => req.socket.destroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dropped = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/`, { method: 'POST', body: 'x' }).catch((e: unknown) => e);
    server.close();
    expect(transportError(dropped, where)).toMatchObject({ constructor: TimeoutError, requestMayHaveBeenSent: true });
    // A custom fetch's own error proves nothing: maybe sent.
    expect(transportError(new Error('proxy said no'), where)).toMatchObject({ constructor: TimeoutError, requestMayHaveBeenSent: true });
    expect(transportError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ERR_SSL_WRONG_VERSION_NUMBER' } }), where)).toBeInstanceOf(ConnectionError);
    // undici's own time limits: connecting (nothing sent) and waiting for the answer (maybe sent).
    const undici = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
    expect(transportError(undici('UND_ERR_CONNECT_TIMEOUT'), where)).toBeInstanceOf(ConnectionError);
    expect(transportError(undici('UND_ERR_HEADERS_TIMEOUT'), where)).toMatchObject({ constructor: TimeoutError, requestMayHaveBeenSent: true, message: expect.stringContaining('api.example.com did not answer (UND_ERR_HEADERS_TIMEOUT)') });
  });

  it('the same rules for axios errors (the twilio SDK), with the code on the error and the syscall on its cause', () => {
    const axios = (code: string, cause?: object) => Object.assign(new Error(code), { isAxiosError: true, code, ...(cause && { cause }) });
    expect(transportError(axios('ECONNREFUSED'), where).message).toBe('sms.test sendSms: could not connect to api.example.com (ECONNREFUSED); the request was not sent');
    expect(transportError(axios('ETIMEDOUT', { code: 'ETIMEDOUT', syscall: 'connect' }), where)).toBeInstanceOf(ConnectionError);
    expect(transportError(axios('ECONNABORTED'), { ...where, timeoutMs: 150 })).toMatchObject({ constructor: TimeoutError, timeoutMs: 150, message: expect.stringContaining('did not answer within 150 ms') });
    expect(transportError(axios('ECONNRESET'), where).message).toContain('broke before an answer arrived (ECONNRESET); the request may have reached api.example.com');
    // A cause only where the adapter passes one (an axios error holds the Authorization header).
    expect(transportError(axios('ECONNRESET'), where).cause).toBeUndefined();
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
