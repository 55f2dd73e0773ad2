/**
 * A local stand-in for the Twilio REST API (2010-04-01 Messages and Account),
 * for tests and examples. It listens on 127.0.0.1 on a free port, records every
 * request, answers like Twilio by default, and lets a test script the next
 * responses per route (errors, delays, hangs, dropped connections).
 *
 * Reach it from the real SDK with `createLoopbackHttpClient(standIn.url)`
 * (../loopback-http-client.ts). Check recorded requests against Twilio's
 * OpenAPI description with `checkTwilioRequest` (test/support/twilio-contract.ts).
 *
 * Secrets: the configured auth token is never logged, never echoed in a
 * response, and kept out of the printable parts of recorded requests (the
 * Authorization header is redacted; `auth.password` is non-enumerable), so a
 * failing assertion that prints a recorded request does not leak it.
 */
import { randomBytes } from 'node:crypto';
import type { FormFields } from '@contractgen/runtime';
import {
  startStandIn,
  type RecordedAuth,
  type RecordedRequest,
  type RouteMatcher,
  type ScriptedAnswer,
  type StandIn,
  type StandInAnswer,
} from '@contractgen/runtime/testing';

// The recording, scripting and route matching are the runtime's (any provider's stand-in has them);
// the names this package has always exported stay.
export type { FormFields, RecordedAuth, RecordedRequest, RouteMatcher };
/** What a scripted response does. Default status 200. */
export type ScriptedResponse = ScriptedAnswer;

export type AccountStatus = 'active' | 'suspended' | 'closed';

/** The JSON Twilio returns for a Message resource (snake_case, as on the wire). */
export interface TwilioMessageResource {
  sid: string;
  account_sid: string;
  api_version: '2010-04-01';
  body: string;
  date_created: string;
  date_updated: string;
  date_sent: string | null;
  direction: 'outbound-api' | 'inbound' | 'outbound-call' | 'outbound-reply';
  error_code: number | null;
  error_message: string | null;
  from: string | null;
  to: string;
  messaging_service_sid: string | null;
  num_media: string;
  num_segments: string;
  price: string | null;
  price_unit: string;
  status: string;
  uri: string;
  subresource_uris: { media: string; feedback: string };
}

export interface TwilioStandInOptions {
  /** Account SID the Basic-auth check expects. Default STAND_IN_ACCOUNT_SID. */
  accountSid?: string;
  /** Auth token the Basic-auth check expects. Default STAND_IN_AUTH_TOKEN. */
  authToken?: string;
  /** Status of the Account resource. Default 'active'. */
  accountStatus?: AccountStatus;
  /** Clock for date_created & co; fix it for deterministic tests. */
  now?: () => Date;
}

export interface TwilioStandIn extends StandIn {
  readonly accountSid: string;
  /**
   * The credentials it accepts, in the shape of the Twilio specs' secrets: pass them as a client's
   * `secrets`, with `adapter: createTwilioSmsAdapter({ baseUrl: standIn.url })`. Non-enumerable, so that
   * printing the stand-in does not print the token (which may be one you chose).
   */
  readonly secrets: { readonly accountSid: string; readonly authToken: string };
  /** Messages created through the default POST route, by SID. Mutate to simulate delivery. */
  readonly messages: Map<string, TwilioMessageResource>;
  /** Status reported by GET /Accounts/{Sid}.json. */
  accountStatus: AccountStatus;
  /** Forget requests, scripts and messages. */
  reset(): void;
}

/** Test credentials, shaped like real ones (AC + 32 hex, 32 hex); they authorize nothing. */
export const STAND_IN_ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const STAND_IN_AUTH_TOKEN = 'f00dfeedf00dfeedf00dfeedf00dfeed';

const API = '/2010-04-01';

/** Twilio's classic error body, the shape the SDK maps onto RestException. */
export function twilioErrorBody(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

export async function startTwilioStandIn(options: TwilioStandInOptions = {}): Promise<TwilioStandIn> {
  const accountSid = options.accountSid ?? STAND_IN_ACCOUNT_SID;
  const authToken = options.authToken ?? STAND_IN_AUTH_TOKEN;
  const now = options.now ?? (() => new Date());
  const messages = new Map<string, TwilioMessageResource>();

  function answerLikeTwilio(request: RecordedRequest): StandInAnswer {
    const route = matchDefaultRoute(request.path);
    if (!route) return twilioError(404, 20404, `The requested resource ${request.path} was not found`);
    const handle = route.handlers[request.method];
    if (!handle) return { ...twilioError(405, 20004, 'Method not allowed'), headers: { allow: Object.keys(route.handlers).join(', ') } };
    // Twilio authenticates before anything else, and the credentials must
    // belong to the account named in the path.
    const auth = request.auth;
    const authorized = auth !== undefined && auth.username === accountSid && auth.password === authToken && route.accountSid === accountSid;
    if (!authorized) return { ...twilioError(401, 20003, 'Authenticate'), headers: { 'www-authenticate': 'Basic realm="Twilio API"' } };
    return handle(request);
  }

  type Handler = (request: RecordedRequest) => StandInAnswer;
  interface DefaultRoute {
    accountSid: string;
    handlers: Partial<Record<string, Handler>>;
  }

  function matchDefaultRoute(path: string): DefaultRoute | undefined {
    let m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
    if (m) return { accountSid: m[1]!, handlers: { POST: createMessage, GET: listMessages } };
    m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)\.json$/.exec(path);
    if (m) {
      const sid = m[2]!;
      return { accountSid: m[1]!, handlers: { GET: (request) => fetchMessage(request, sid) } };
    }
    m = /^\/2010-04-01\/Accounts\/([^/]+)\.json$/.exec(path);
    if (m) return { accountSid: m[1]!, handlers: { GET: fetchAccount } };
    return undefined;
  }

  function createMessage(request: RecordedRequest): StandInAnswer {
    const field = (name: string) => firstValue(request.form[name]);
    const to = field('To');
    const from = field('From');
    const messagingServiceSid = field('MessagingServiceSid');
    const body = field('Body');
    const mediaUrls = allValues(request.form['MediaUrl']);
    // The 400s Twilio gives for the commonest mistakes, in Twilio's order.
    if (!to) return twilioError(400, 21604, "A 'To' phone number is required.");
    if (!from && !messagingServiceSid) return twilioError(400, 21603, "A 'From' phone number is required.");
    if (!body && mediaUrls.length === 0 && !field('ContentSid')) return twilioError(400, 21602, 'Message body is required.');
    const created = rfc2822(now());
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const uriBase = `${API}/Accounts/${accountSid}/Messages/${sid}`;
    const message: TwilioMessageResource = {
      sid,
      account_sid: accountSid,
      api_version: '2010-04-01',
      body: body ?? '',
      date_created: created,
      date_updated: created,
      date_sent: created,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: from ?? null,
      to,
      messaging_service_sid: messagingServiceSid ?? null,
      num_media: String(mediaUrls.length),
      num_segments: String(countSegments(body ?? '')),
      price: null,
      price_unit: 'USD',
      // A Messaging Service without From picks a sender first; scheduled sends wait.
      status: field('ScheduleType') ? 'scheduled' : messagingServiceSid && !from ? 'accepted' : 'queued',
      uri: `${uriBase}.json`,
      subresource_uris: { media: `${uriBase}/Media.json`, feedback: `${uriBase}/Feedback.json` },
    };
    messages.set(sid, message);
    return { status: 201, body: message };
  }

  function fetchMessage(request: RecordedRequest, sid: string): StandInAnswer {
    const message = messages.get(sid);
    return message ? { status: 200, body: message } : twilioError(404, 20404, `The requested resource ${request.path} was not found`);
  }

  function listMessages(request: RecordedRequest): StandInAnswer {
    // Newest first, filtered by To/From like Twilio; one page (no paging tokens).
    const to = firstValue(request.query['To']);
    const from = firstValue(request.query['From']);
    const pageSize = Math.min(Math.max(Number(firstValue(request.query['PageSize']) ?? 50) || 50, 1), 1000);
    const selected = [...messages.values()]
      .reverse()
      .filter((message) => (to === undefined || message.to === to) && (from === undefined || message.from === from))
      .slice(0, pageSize);
    const uri = `${API}/Accounts/${accountSid}/Messages.json?PageSize=${pageSize}&Page=0`;
    return {
      status: 200,
      body: {
        messages: selected,
        end: Math.max(selected.length - 1, 0),
        first_page_uri: uri,
        next_page_uri: null,
        page: 0,
        page_size: pageSize,
        previous_page_uri: null,
        start: 0,
        uri,
      },
    };
  }

  function fetchAccount(): StandInAnswer {
    const created = rfc2822(new Date(Date.UTC(2020, 0, 2, 3, 4, 5)));
    const base = `${API}/Accounts/${accountSid}`;
    // Real responses also carry auth_token; the stand-in leaves it out so it can
    // never surface in a test's output.
    return {
      status: 200,
      body: {
        sid: accountSid,
        owner_account_sid: accountSid,
        friendly_name: 'contractgen stand-in',
        status: standIn.accountStatus,
        type: 'Full',
        date_created: created,
        date_updated: created,
        uri: `${base}.json`,
        subresource_uris: {
          messages: `${base}/Messages.json`,
          incoming_phone_numbers: `${base}/IncomingPhoneNumbers.json`,
          balance: `${base}/Balance.json`,
        },
      },
    };
  }

  // Twilio tags every response; handy when an adapter logs request ids.
  const base = await startStandIn(answerLikeTwilio, { headers: () => ({ 'twilio-request-id': `RQ${randomBytes(16).toString('hex')}` }) });
  const resetBase = base.reset.bind(base);
  const standIn: TwilioStandIn = Object.assign(base, {
    accountSid,
    secrets: { accountSid, authToken },
    messages,
    accountStatus: options.accountStatus ?? 'active',
    reset() {
      resetBase();
      messages.clear();
    },
  });
  // Readable, but left out of JSON, diffs and util.inspect (like a recorded request's password).
  Object.defineProperty(standIn, 'secrets', { enumerable: false });
  return standIn;
}

function twilioError(status: number, code: number, message: string): StandInAnswer {
  return { status, body: twilioErrorBody(status, code, message) };
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function allValues(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Twilio's date format: `Thu, 24 Aug 2023 05:01:45 +0000`. */
function rfc2822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

// GSM 03.38 basic set and the extension characters that take two septets.
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€\f';

/** Segments as Twilio counts them: GSM-7 160/153 septets, else UCS-2 70/67 code units. */
function countSegments(body: string): number {
  let septets = 0;
  let gsm = true;
  for (const char of body) {
    if (GSM7_BASIC.includes(char)) septets += 1;
    else if (GSM7_EXTENDED.includes(char)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return septets <= 160 ? 1 : Math.ceil(septets / 153);
  const units = body.length; // UTF-16 code units, which is what UCS-2 segments count
  return units <= 70 ? 1 : Math.ceil(units / 67);
}
