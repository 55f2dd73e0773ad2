import { format, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, redactSecrets, resolveSecrets, Secret, type SecretProvider } from '@contractgen/runtime';

const VALUE = 'tok_live_5ecr3t_VALUE';

describe('Secret', () => {
  const secret = new Secret(VALUE);
  const holder = { accountSid: 'AC123', authToken: secret, nested: { list: [secret] } };

  it('reveals its value only through reveal()', () => {
    expect(secret.reveal()).toBe(VALUE);
  });

  it.each([
    ['JSON.stringify', () => JSON.stringify(secret)],
    ['JSON.stringify of a holder', () => JSON.stringify(holder)],
    ['util.inspect', () => inspect(secret)],
    ['util.inspect of a holder, showHidden, deep', () => inspect(holder, { showHidden: true, depth: Infinity })],
    ['util.inspect without custom inspectors', () => inspect(holder, { customInspect: false, showHidden: true })],
    ['String()', () => String(secret)],
    ['template literal', () => `token=${secret}`],
    ['concatenation', () => 'token=' + secret],
    ['util.format %s %o %j %O', () => format('%s %o %j %O', secret, secret, secret, secret)],
    ['util.format of a holder', () => format('%s %o %j %O', holder, holder, holder, holder)],
    ['console-style extra arguments', () => format('sending', holder, secret)],
    ['Object.keys / entries', () => JSON.stringify([Object.keys(secret), Object.entries(secret)])],
    ['structuredClone', () => inspect(structuredClone(holder), { customInspect: false, depth: Infinity })],
  ])('%s never shows the value', (_label, render) => {
    const text = render();
    expect(text).not.toContain(VALUE);
  });

  it('shows *** where the value would be', () => {
    expect(JSON.stringify(holder)).toBe('{"accountSid":"AC123","authToken":"***","nested":{"list":["***"]}}');
    expect(String(secret)).toBe('***');
    expect(`${secret}`).toBe('***');
    expect(inspect(secret)).toBe('***');
  });

  it('rejects a non-string without echoing it', () => {
    expect(() => new Secret(12345 as unknown as string)).toThrow(/got number/);
  });
});

describe('resolveSecrets', () => {
  const provider: SecretProvider = { get: (name) => ({ TWILIO_AUTH_TOKEN: VALUE, EMPTY: '' })[name] };

  it('keeps literals, resolves env:// references and passes Secrets through', async () => {
    const existing = new Secret('already');
    const resolved = await resolveSecrets({ authToken: 'env://TWILIO_AUTH_TOKEN', apiKey: 'literal', other: existing }, provider);
    expect(resolved.authToken).toBeInstanceOf(Secret);
    expect(resolved.authToken.reveal()).toBe(VALUE);
    expect(resolved.apiKey.reveal()).toBe('literal');
    expect(resolved.other).toBe(existing);
  });

  it('resolves through an async provider and defaults to process.env', async () => {
    const async: SecretProvider = { get: async (name) => (name === 'A' ? 'from-vault' : undefined) };
    expect((await resolveSecrets({ a: 'env://A' }, async)).a.reveal()).toBe('from-vault');
    process.env.CONTRACTGEN_TEST_SECRET = 'from-env';
    try {
      expect((await resolveSecrets({ a: 'env://CONTRACTGEN_TEST_SECRET' })).a.reveal()).toBe('from-env');
    } finally {
      delete process.env.CONTRACTGEN_TEST_SECRET;
    }
  });

  it('leaves non-string values for the schema validator', async () => {
    const resolved = await resolveSecrets({ port: 42, flag: null }, provider);
    expect(resolved).toEqual({ port: 42, flag: null });
  });

  it('reports every unresolved reference by field and variable name, never a value', async () => {
    const attempt = resolveSecrets(
      { authToken: 'env://MISSING_TOKEN', apiSecret: 'env://EMPTY', known: 'env://TWILIO_AUTH_TOKEN', bad: 'env://not valid' },
      provider,
      { integration: 'sms.twilio', pathPrefix: 'secrets' },
    );
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    const config = error as ConfigurationError;
    expect(config.code).toBe('CONFIGURATION');
    expect(config.integration).toBe('sms.twilio');
    expect(config.issues.map((i) => i.path)).toEqual(['secrets.apiSecret', 'secrets.authToken', 'secrets.bad']);
    expect(config.message).toContain('secrets.authToken');
    expect(config.message).toContain('MISSING_TOKEN');
    expect(config.message).toContain('secrets.apiSecret');
    expect(config.message).toContain('EMPTY');
    expect(config.message).not.toContain(VALUE);
    expect(config.stack).not.toContain(VALUE);
  });

  it("reports a provider failure as a configuration issue, without the provider's text", async () => {
    const failing: SecretProvider = {
      get: () => {
        throw new TypeError(`vault unreachable while reading token=${VALUE}`);
      },
    };
    const error = (await resolveSecrets({ token: 'env://TOKEN' }, failing).catch((e: unknown) => e)) as ConfigurationError;
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.issues).toEqual([{ path: 'token', message: expect.stringContaining('reading env://TOKEN failed: the secret provider threw a TypeError') }]);
    expect(`${error.message}\n${error.stack}\n${inspect(error, { depth: 10, showHidden: true })}`).not.toMatch(/vault unreachable|tok_live/);
    expect(error.cause).toBeUndefined();
  });

  it('reports a malformed reference by field and kind of problem, never its text', async () => {
    // A secret pasted after env:// by mistake is the commonest malformed reference.
    const error = (await resolveSecrets({ authToken: `env://${VALUE}-x`, other: 'env://' }, provider, { pathPrefix: 'secrets' }).catch((e: unknown) => e)) as ConfigurationError;
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.issues.map((i) => i.path)).toEqual(['secrets.authToken', 'secrets.other']);
    for (const issue of error.issues) expect(issue.message).toMatch(/^is not a valid env:\/\/ reference: expected env:\/\/NAME/);
    expect(`${error.message}\n${error.stack}`).not.toContain(VALUE);
  });
});

describe('redactSecrets: every encoding of a secret', () => {
  const SID = 'AC0123456789abcdef0123456789abcdef';
  const TOKEN = 'p@ss/w0rd+~tok=en! "q"';
  const secrets = [new Secret(SID), new Secret(TOKEN)];
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

  it.each([
    ['Basic auth over sid:token', `Authorization: Basic ${b64(`${SID}:${TOKEN}`)}`, b64(`${SID}:${TOKEN}`)],
    ['Basic auth over token:sid', `Basic ${b64(`${TOKEN}:${SID}`)}`, b64(`${TOKEN}:${SID}`)],
    ['base64url of the pair', `jwt-ish ${b64url(`${SID}:${TOKEN}`)}`, b64url(`${SID}:${TOKEN}`)],
    ['URL-encoded', `GET /cb?token=${encodeURIComponent(TOKEN)}`, encodeURIComponent(TOKEN)],
    ['URL-encoded, lower-case hex', `token=${encodeURIComponent(TOKEN).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())}`, '%40ss'],
    ['form-encoded', `body: ${new URLSearchParams({ AuthToken: TOKEN })}`, new URLSearchParams({ t: TOKEN }).toString().slice(2)],
    ['JSON-escaped', `body: ${JSON.stringify({ authToken: TOKEN })}`, JSON.stringify(TOKEN).slice(1, -1)],
    ['base64 of the token alone', `token ${b64(TOKEN)} rejected`, b64(TOKEN).slice(0, -2)],
  ])('%s', (_label, text, encoded) => {
    const redacted = redactSecrets(text, secrets);
    expect(redacted).toContain('***');
    expect(redacted).not.toContain(encoded);
  });

  it.each(['u:', 'api:', 'SKabc:', 'x'])('base64 of the token after %j (any byte offset) keeps only the characters that mix in other bytes', (user) => {
    const encoded = b64(`${user}${TOKEN}`);
    const redacted = redactSecrets(`Basic ${encoded}`, secrets);
    const [before, after] = redacted.slice('Basic '.length).split('***');
    expect(after).toBeDefined();
    // What is left: the user's own characters plus at most one mixed character on each side, and padding.
    expect(before!.length).toBeLessThanOrEqual(Math.ceil((user.length * 4) / 3) + 1);
    expect(after!.replace(/=+$/, '').length).toBeLessThanOrEqual(1);
  });

  it('does not mask short runs that happen to match a short encoding', () => {
    expect(redactSecrets('status 200 OK, AC and p@ are fine', [new Secret('p@ss')])).toBe('status 200 OK, AC and p@ are fine');
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence of every secret', () => {
    const text = `auth ${VALUE} failed for key-1, again ${VALUE}; key-1`;
    expect(redactSecrets(text, [new Secret(VALUE), new Secret('key-1')])).toBe('auth *** failed for ***, again ***; ***');
  });

  it('masks the longer of two overlapping secrets whole', () => {
    expect(redactSecrets('x abcdef y', [new Secret('abc'), new Secret('abcdef')])).toBe('x *** y');
  });

  it('masks the URL-encoded form and ignores empty secrets', () => {
    const secret = new Secret('p@ss/word+1');
    expect(redactSecrets(`GET https://u:${encodeURIComponent('p@ss/word+1')}@host/ (p@ss/word+1)`, [secret, new Secret('')])).toBe(
      'GET https://u:***@host/ (***)',
    );
  });
});
