/**
 * A local stand-in for the Plivo endpoints sms.plivo uses, written from Plivo's API reference, not
 * from our binding:
 * - every request: HTTP Basic auth_id:auth_token, and the auth_id in the path must be the
 *   caller's; otherwise 401 (https://docs.plivo.com/docs/messaging/api/response). Errors are
 *   `{ api_id, error }` with 400, 401, 404, 405, 429; every answer carries an api_id.
 * - POST https://api.plivo.com/v1/Account/{auth_id}/Message/: a JSON body (Plivo's POSTs are
 *   application/json) of documented arguments only: src (or powerpack_uuid), dst, text required;
 *   type, url, method, log, trackable... optional. dst and src are sanitized as the reference says
 *   (/, -, ., +, (, ) and spaces stripped; digits with the country code, at most 14).
 *   202 { api_id, message: "message(s) queued", message_uuid: [uuid] }
 *   (https://www.plivo.com/docs/sms/api/message/send-a-message/).
 * - GET .../Message/{message_uuid}/: the Message Detail Record, 404 { error: "not found" } otherwise
 *   (https://www.plivo.com/docs/sms/api/message/retrieve-a-message/). message_state is one of
 *   queued, sent, failed, delivered, undelivered, read; error_code "000" on success.
 * - GET .../Account/{auth_id}/: the Account object
 *   (https://www.plivo.com/docs/account-api/api-reference/account/retrieve-account-details/).
 * Paths end with "/", as in every Plivo URL: without it the stand-in answers 404.
 */
import { randomUUID } from 'node:crypto';
import { startStandIn, type RecordedRequest, type StandIn, type StandInAnswer } from '@contractgen/runtime/testing';

/** Shaped like real credentials (MA + 18 characters; a 40-character token); they authorize nothing. */
export const PLIVO_AUTH_ID = 'MAZDQ1ZJIYMDZKMJQ2ZT';
export const PLIVO_AUTH_TOKEN = 'ZmE3ZDk5NTJhNWQ1YjhhNTQ0NzE4NmYxMDc5Zjc4';

export type PlivoMessageState = 'queued' | 'sent' | 'failed' | 'delivered' | 'undelivered' | 'read';

/** A Message Detail Record as Plivo returns it. */
export interface PlivoMessage {
  api_id?: string;
  error_code: string;
  from_number: string;
  message_direction: 'outbound';
  message_state: PlivoMessageState;
  message_time: string;
  message_type: 'sms';
  message_uuid: string;
  resource_uri: string;
  to_number: string;
  total_amount: string;
  total_rate: string;
  units: number;
}

export interface PlivoStandIn extends StandIn {
  /** Message Detail Records by uuid: mutate one to simulate delivery. */
  readonly messages: Map<string, PlivoMessage>;
}

const SEND_ARGUMENTS = new Set(['src', 'dst', 'text', 'type', 'url', 'method', 'log', 'trackable', 'powerpack_uuid', 'media_urls', 'media_ids', 'message_expiry', 'dlt_entity_id', 'dlt_template_id', 'dlt_template_category']);

export function plivoError(error: string) {
  return { api_id: randomUUID(), error };
}

export async function startPlivoStandIn(): Promise<PlivoStandIn> {
  const messages = new Map<string, PlivoMessage>();
  const account = `/v1/Account/${PLIVO_AUTH_ID}/`;

  function send(request: RecordedRequest): StandInAnswer {
    if (!(request.headers['content-type'] ?? '').startsWith('application/json') || typeof request.json !== 'object' || request.json === null || Array.isArray(request.json)) {
      return { status: 400, body: plivoError('the request body must be a JSON object') };
    }
    const args = request.json as Record<string, unknown>;
    const unknown = Object.keys(args).filter((name) => !SEND_ARGUMENTS.has(name));
    if (unknown.length > 0) return { status: 400, body: plivoError(`unknown parameter(s): ${unknown.join(', ')}`) };
    for (const name of Object.keys(args)) if (typeof args[name] !== 'string' && name !== 'log' && name !== 'trackable') return { status: 400, body: plivoError(`${name} must be a string`) };
    const sanitize = (value: unknown) => (typeof value === 'string' ? value.replace(/[/\-.+() \s]/g, '') : '');
    const src = sanitize(args.src);
    const dst = sanitize(args.dst);
    if (!src && !args.powerpack_uuid) return { status: 400, body: plivoError('src parameter is required') };
    if (!dst) return { status: 400, body: plivoError('dst parameter is required') };
    if (!args.text) return { status: 400, body: plivoError('text parameter is required') };
    if (!/^\d{1,14}$/.test(dst)) return { status: 400, body: plivoError('invalid dst number') };
    if (!/^\d{1,14}$/.test(src) && !/^[A-Za-z0-9]{1,11}$/.test(src)) return { status: 400, body: plivoError('invalid src') };
    if (args.url !== undefined && !/^https?:\/\//.test(String(args.url))) return { status: 400, body: plivoError('invalid url') };
    const uuid = randomUUID();
    messages.set(uuid, {
      error_code: '',
      from_number: src,
      message_direction: 'outbound',
      message_state: 'queued',
      message_time: new Date().toISOString().replace('T', ' ').replace('Z', '+00:00'),
      message_type: 'sms',
      message_uuid: uuid,
      resource_uri: `${account}Message/${uuid}/`,
      to_number: dst,
      total_amount: '0.00000',
      total_rate: '0.00350',
      units: Math.max(1, Math.ceil(String(args.text).length / 153)),
    });
    return { status: 202, body: { api_id: randomUUID(), message: 'message(s) queued', message_uuid: [uuid] } };
  }

  const standIn = await startStandIn((request) => {
    if (request.host !== 'api.plivo.com') return { status: 404, body: plivoError('not found') };
    const auth = request.auth;
    const own = request.path.startsWith(account);
    if (!auth || auth.username !== PLIVO_AUTH_ID || auth.password !== PLIVO_AUTH_TOKEN || !own) {
      return { status: 401, body: plivoError('authentication failed') };
    }
    const rest = request.path.slice(account.length);
    if (rest === '' ) return request.method === 'GET' ? { status: 200, body: accountObject() } : { status: 405, body: plivoError('method not allowed') };
    if (rest === 'Message/') return request.method === 'POST' ? send(request) : { status: 405, body: plivoError('method not allowed') };
    const lookup = /^Message\/([^/]+)\/$/.exec(rest);
    if (lookup && request.method === 'GET') {
      const message = messages.get(decodeURIComponent(lookup[1]!));
      return message ? { status: 200, body: { api_id: randomUUID(), ...message } } : { status: 404, body: plivoError('not found') };
    }
    return { status: 404, body: plivoError('not found') };
  });
  const reset = standIn.reset.bind(standIn);
  return Object.assign(standIn, {
    messages,
    reset() {
      reset();
      messages.clear();
    },
  });

  function accountObject() {
    return {
      account_type: 'standard',
      address: 'Stand-in Ltd.',
      api_id: randomUUID(),
      auth_id: PLIVO_AUTH_ID,
      auto_recharge: false,
      billing_mode: 'prepaid',
      cash_credits: '1.80900',
      city: 'Gotham',
      name: 'contractgen stand-in',
      resource_uri: account,
      state: 'NY',
      timezone: 'America/New_York',
    };
  }
}
