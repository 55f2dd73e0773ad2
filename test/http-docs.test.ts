/**
 * The docs page of an HTTP-bound integration has an "HTTP binding" section: the request of each
 * operation and of the health probe, every error rule by name, the input fields never sent with
 * their reasons, and each secret allowed in a URL with its reason. Checked on the generated pages
 * of the repo specs, against the generated bindings and the specs' own reasons.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HttpBinding, IntegrationSpec } from '@contractgen/runtime';
import { smsPlivoHttpBinding } from '../generated/integrations/sms.plivo/http.js';
import { smsPlivoSpec } from '../generated/integrations/sms.plivo/spec.js';
import { smsVonageHttpBinding } from '../generated/integrations/sms.vonage/http.js';
import { smsVonageSpec } from '../generated/integrations/sms.vonage/spec.js';
import { REPO } from './support/workspace.js';

const section = (key: string) => {
  const page = readFileSync(join(REPO, 'generated', 'docs', 'integrations', `${key}.md`), 'utf8');
  return /## HTTP binding\n([\s\S]*?)\n## /.exec(page)?.[1] ?? '';
};
const md = (text: string) => text.replace(/[_*[\]|#~`]/g, (c) => `\\${c}`);

describe('the docs page of an HTTP-bound integration', () => {
  it.each([
    ['sms.vonage', smsVonageHttpBinding, smsVonageSpec as IntegrationSpec, ['POST https://rest.nexmo.com/sms/json', 'GET https://api.nexmo.com/v2/reports/records', 'GET https://rest.nexmo.com/account/get-balance']],
    ['sms.plivo', smsPlivoHttpBinding, smsPlivoSpec as IntegrationSpec, ['POST https://api.plivo.com/v1/Account/{secrets.authId}/Message/', 'GET https://api.plivo.com/v1/Account/{secrets.authId}/Message/{input.id}/']],
  ] as const)('%s: requests, every error rule by name, fields not sent and secrets in URLs with their reasons', (key, binding: HttpBinding, spec, requests) => {
    const text = section(key);
    for (const request of requests) expect(text).toContain(`\`${request}\``);
    const rules = [...Object.values(binding.operations).flatMap((op) => op.errors ?? []), ...(binding.errors ?? [])];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(text).toContain(`| \`${rule.name}\` |`);
    for (const operation of Object.values(spec.http!.operations)) {
      for (const [field, reason] of Object.entries({ ...operation.unsupported, ...operation.local })) {
        expect(text).toContain(`| \`${field}\` |`);
        expect(text).toContain(md(reason));
      }
    }
    for (const [secret, reason] of Object.entries(spec.http!.secretsInUrl ?? {})) expect(text).toContain(`| \`secrets.${secret}\` | ${md(reason)} |`);
  });

  it('a spec without an http section has no such section', () => {
    expect(readFileSync(join(REPO, 'generated', 'docs', 'integrations', 'sms.outbox.md'), 'utf8')).not.toContain('## HTTP binding');
  });
});
