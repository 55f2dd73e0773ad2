/**
 * Offline contract check against Twilio's own OpenAPI description of the 2010-04-01 API
 * (twilio_api_v2010.json from twilio-oai, shipped in @twilio-alpha/mcp): the generic check of
 * openapi-contract.ts with Twilio's rules.
 *
 * Beyond the generic check: Twilio's whole API is HTTP Basic; `x-twilio.ignoreFormat` is honoured
 * (MediaUrl items are declared uri, but Twilio does not enforce it); ContentVariables must be a
 * JSON object string (the schema says only `string`; Twilio rejects anything else with 21656).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createContractChecker, type ContractRequest } from './openapi-contract.js';

export type { ContractRequest } from './openapi-contract.js';

const TWILIO_API = '@twilio-alpha/mcp/twilio-oai/spec/json/twilio_api_v2010.json';

export const checkTwilioRequest: (request: ContractRequest) => string[] = createContractChecker({
  documents: [TWILIO_API],
  formats: {
    // Twilio accepts ISO dates as well as date-times where the schema says date-time
    // (DateSent filters); the SDK sends YYYY-MM-DDTHH:mm:ssZ.
    'date-time': /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i,
    // A "phone-number" is E.164, a short code, an alphanumeric sender ID or a channel
    // address (whatsapp:+...): the description gives no checkable syntax.
    'phone-number': true,
  },
  ignoredKeys: ['x-twilio'],
  adjust: (prepared, original) => {
    if ((original['x-twilio'] as { ignoreFormat?: boolean } | undefined)?.ignoreFormat) delete prepared.format;
  },
  extraChecks: (request) => {
    const variables = request.form?.ContentVariables;
    return typeof variables === 'string' && !isJsonObject(variables) ? ['form parameter ContentVariables must be a JSON object string'] : [];
  },
});

function isJsonObject(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

/** The values Twilio's description lists for one of its enums, e.g. `message_enum_status` (the statuses an adapter must map, every one). */
export function twilioEnum(schemaName: string): string[] {
  const doc = JSON.parse(readFileSync(createRequire(import.meta.url).resolve(TWILIO_API), 'utf8')) as { components: { schemas: Record<string, { enum?: unknown }> } };
  const values = doc.components.schemas[schemaName]?.enum;
  if (!Array.isArray(values) || !values.every((v): v is string => typeof v === 'string')) throw new Error(`twilio_api_v2010.json has no string enum ${schemaName}`);
  return values;
}
