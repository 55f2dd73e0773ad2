/**
 * A schema `format` ajv does not know: a located warning (CG126; the broken-spec corpus has the
 * case `unknown-format-warning` with its code frame), and nothing else printed. ajv's own logger
 * would print "unknown format ... ignored" to the console once per compile (the checks' and the
 * generated validators' Ajv), unlocated and uncoded: every Ajv the generator builds is silent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runInProcess } from './support/in-process.js';
import { copyInto, removeDir, scratchDir, TWILIO_SPECS, writeFiles } from './support/workspace.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeDir));
afterEach(() => vi.restoreAllMocks());

describe('an unknown schema format', () => {
  it('is one located warning per place, in config and capability schemas alike, and ajv prints nothing', async () => {
    const root = scratchDir('formats');
    scratch.push(root);
    copyInto(TWILIO_SPECS, join(root, 'specs'));
    const integration = join(root, 'specs/integrations/twilio-sms.ts');
    const capability = join(root, 'specs/capabilities/sms-outbound.ts');
    writeFiles(root, {
      'specs/integrations/twilio-sms.ts': readFileSync(integration, 'utf8').replace("fromNumber: {\n          type: 'string',", "fromNumber: {\n          type: 'string',\n          format: 'nope',"),
      'specs/capabilities/sms-outbound.ts': readFileSync(capability, 'utf8').replace("items: { type: 'string', format: 'uri' }", "items: { type: 'string', format: 'urii' }"),
    });
    const printed = vi.fn();
    for (const method of ['log', 'warn', 'error', 'info', 'debug'] as const) vi.spyOn(console, method).mockImplementation(printed);
    // Generate (not only validate): the generated validators' Ajv compiles the schemas too.
    const run = await runInProcess({ root, adapters: 'none' });
    expect(printed).not.toHaveBeenCalled();
    expect(run.code).toBe(0);
    expect(run.result.diagnostics.map((d) => [d.code, d.severity, d.file?.slice(root.length + 1), d.message, d.hint])).toEqual([
      ['CG126', 'warning', 'specs/capabilities/sms-outbound.ts', 'operations.sendSms.input.properties.mediaUrls.items.format is "urii", a format the generated validators do not know: they do not check it, so any value passes', 'did you mean "uri"?'],
      ['CG126', 'warning', 'specs/integrations/twilio-sms.ts', 'configSchema.schema.properties.fromNumber.format is "nope", a format the generated validators do not know: they do not check it, so any value passes', expect.any(String)],
    ]);
    expect(run.stderr).not.toMatch(/unknown format/);
  });

  it('a format inside an enum or a default is a value, not a format; a property named default is a schema', async () => {
    const root = scratchDir('formats-data');
    scratch.push(root);
    copyInto(TWILIO_SPECS, join(root, 'specs'));
    const integration = join(root, 'specs/integrations/twilio-sms.ts');
    writeFiles(root, {
      'specs/integrations/twilio-sms.ts': readFileSync(integration, 'utf8').replace(
        "fromNumber: {\n          type: 'string',",
        "default: { type: 'string', format: 'nope' },\n        fromNumber: {\n          type: ['string', 'object'],\n          default: { format: 'nope' },\n          enum: [{ format: 'nope' }, '+15551234567'],",
      ),
    });
    const run = await runInProcess({ root, adapters: 'none', mode: 'validate' });
    expect(run.result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([expect.stringMatching(/^CG126 configSchema\.schema\.properties\.default\.format is "nope"/)]);
  });
});
