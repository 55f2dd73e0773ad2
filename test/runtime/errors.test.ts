import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConfigurationError,
  ConnectionError,
  IntegrationError,
  InvalidInputError,
  isIntegrationError,
  NotImplementedError,
  ProviderError,
  RateLimitedError,
  SignatureError,
  TemplateRequiredError,
  TimeoutError,
} from '@contractgen/runtime';

describe('error hierarchy', () => {
  it.each([
    [new ConfigurationError([{ path: 'a', message: 'm' }]), 'ConfigurationError', 'CONFIGURATION', false],
    [new AuthenticationError('bad credentials', { status: 401, providerCode: 20003 }), 'AuthenticationError', 'AUTHENTICATION', false],
    [new InvalidInputError([{ path: 'to', message: 'm' }]), 'InvalidInputError', 'INVALID_INPUT', false],
    [new RateLimitedError({ source: 'provider', retryAfterMs: 1000 }), 'RateLimitedError', 'RATE_LIMITED', true],
    [new ProviderError('boom', { status: 503 }), 'ProviderError', 'PROVIDER', false],
    [new TemplateRequiredError(), 'TemplateRequiredError', 'TEMPLATE_REQUIRED', false],
    [new TimeoutError('slow', { requestMayHaveBeenSent: true }), 'TimeoutError', 'TIMEOUT', false],
    [new TimeoutError('slow connect', { requestMayHaveBeenSent: false }), 'TimeoutError', 'TIMEOUT', true],
    [new ConnectionError('refused'), 'ConnectionError', 'CONNECTION', true],
    [new SignatureError(), 'SignatureError', 'SIGNATURE', false],
    [new NotImplementedError('sendTemplate'), 'NotImplementedError', 'NOT_IMPLEMENTED', false],
  ] as const)('%s has name %s, code %s, retryable %s', (error, name, code, retryable) => {
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toBeInstanceOf(Error);
    expect(isIntegrationError(error)).toBe(true);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.stack?.split('\n')[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('lists every configuration issue by path', () => {
    const error = new ConfigurationError(
      [
        { path: 'secrets.authToken', message: 'env://TWILIO_AUTH_TOKEN is not set' },
        { path: 'config.fromNumber', message: 'must match pattern "^\\+[1-9]\\d{1,14}$"' },
      ],
      { integration: 'sms.twilio' },
    );
    expect(error.message).toBe(
      'Invalid configuration for sms.twilio (2 issues):\n' +
        '  - secrets.authToken: env://TWILIO_AUTH_TOKEN is not set\n' +
        '  - config.fromNumber: must match pattern "^\\+[1-9]\\d{1,14}$"',
    );
    expect(error.integration).toBe('sms.twilio');
  });

  it('makes TemplateRequiredError a ProviderError with provider details', () => {
    const error = new TemplateRequiredError(undefined, { status: 400, providerCode: 63016, docsUrl: 'https://www.twilio.com/docs/errors/63016' });
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 400, providerCode: 63016, docsUrl: 'https://www.twilio.com/docs/errors/63016' });
    expect(error.message).toMatch(/24 hours.*template/);
  });

  it('keeps the cause and the details, and leaves absent fields absent', () => {
    const cause = new Error('socket closed');
    const error = new ConnectionError('could not connect', { integration: 'sms.twilio', cause });
    expect(error.cause).toBe(cause);
    expect(error.requestSent).toBe(false);
    expect('cause' in new ConnectionError('x')).toBe(false);
    expect(Object.keys(new ProviderError('x'))).toEqual(['code', 'retryable']);
    expect(new NotImplementedError('sendTemplate', { integration: 'sms.twilio' }).message).toBe(
      'Operation "sendTemplate" is not implemented for sms.twilio',
    );
  });

  it('serialises to a structured log line without cause or stack', () => {
    const error = new RateLimitedError({ source: 'provider', retryAfterMs: 2000, providerCode: 20429, integration: 'sms.twilio', cause: new Error('inner') });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'RateLimitedError',
      message: 'Provider rate limit exceeded for sms.twilio',
      code: 'RATE_LIMITED',
      integration: 'sms.twilio',
      retryable: true,
      source: 'provider',
      retryAfterMs: 2000,
      providerCode: 20429,
    });
  });
});
