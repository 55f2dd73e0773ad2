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
import http from 'node:http';
/** Test credentials, shaped like real ones (AC + 32 hex, 32 hex); they authorize nothing. */
export const STAND_IN_ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const STAND_IN_AUTH_TOKEN = 'f00dfeedf00dfeedf00dfeedf00dfeed';
const API = '/2010-04-01';
const MAX_BODY_BYTES = 1024 * 1024;
/** Twilio's classic error body, the shape the SDK maps onto RestException. */
export function twilioErrorBody(status, code, message) {
    return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}
export async function startTwilioStandIn(options = {}) {
    const accountSid = options.accountSid ?? STAND_IN_ACCOUNT_SID;
    const authToken = options.authToken ?? STAND_IN_AUTH_TOKEN;
    const now = options.now ?? (() => new Date());
    const requests = [];
    const messages = new Map();
    const scripts = [];
    const timers = new Set();
    let closed = false;
    const server = http.createServer((req, res) => {
        readBody(req)
            .then((rawBody) => {
            const recorded = recordRequest(req, rawBody);
            requests.push(recorded);
            const script = takeScript(recorded);
            if (script)
                return playScript(script, req, res);
            return answerLikeTwilio(recorded, res);
        })
            .catch(() => {
            // Oversized or aborted body: answer if the socket is still there.
            if (!res.headersSent && !res.destroyed)
                sendJson(res, 400, twilioErrorBody(400, 20001, 'Bad request'));
        });
    });
    function takeScript(request) {
        const index = scripts.findIndex((script) => script.matches(request));
        if (index < 0)
            return undefined;
        const script = scripts[index];
        script.left -= 1;
        if (script.left <= 0)
            scripts.splice(index, 1);
        return script.response;
    }
    function playScript(script, req, res) {
        const act = () => {
            if (script.hang)
                return; // close() ends it via closeAllConnections()
            if (script.destroy) {
                req.socket.destroy();
                return;
            }
            const status = script.status ?? 200;
            if (typeof script.body === 'string') {
                send(res, status, script.body, { 'content-type': 'text/plain; charset=utf-8', ...lowerKeys(script.headers) });
            }
            else if (script.body === undefined) {
                send(res, status, '', lowerKeys(script.headers));
            }
            else {
                sendJson(res, status, script.body, script.headers);
            }
        };
        if (script.delayMs && script.delayMs > 0) {
            const timer = setTimeout(() => {
                timers.delete(timer);
                if (!res.destroyed)
                    act();
            }, script.delayMs);
            timers.add(timer);
        }
        else {
            act();
        }
    }
    function answerLikeTwilio(request, res) {
        const route = matchDefaultRoute(request.path);
        if (!route) {
            sendJson(res, 404, twilioErrorBody(404, 20404, `The requested resource ${request.path} was not found`));
            return;
        }
        const handle = route.handlers[request.method];
        if (!handle) {
            sendJson(res, 405, twilioErrorBody(405, 20004, 'Method not allowed'), {
                allow: Object.keys(route.handlers).join(', '),
            });
            return;
        }
        // Twilio authenticates before anything else, and the credentials must
        // belong to the account named in the path.
        const auth = request.auth;
        const authorized = auth !== undefined &&
            auth.username === accountSid &&
            auth.password === authToken &&
            route.accountSid === accountSid;
        if (!authorized) {
            sendJson(res, 401, twilioErrorBody(401, 20003, 'Authenticate'), {
                'WWW-Authenticate': 'Basic realm="Twilio API"',
            });
            return;
        }
        handle(request, res);
    }
    function matchDefaultRoute(path) {
        let m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
        if (m)
            return { accountSid: m[1], handlers: { POST: createMessage, GET: listMessages } };
        m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)\.json$/.exec(path);
        if (m) {
            const sid = m[2];
            return { accountSid: m[1], handlers: { GET: (request, res) => fetchMessage(request, res, sid) } };
        }
        m = /^\/2010-04-01\/Accounts\/([^/]+)\.json$/.exec(path);
        if (m)
            return { accountSid: m[1], handlers: { GET: fetchAccount } };
        return undefined;
    }
    function createMessage(request, res) {
        const field = (name) => firstValue(request.form[name]);
        const to = field('To');
        const from = field('From');
        const messagingServiceSid = field('MessagingServiceSid');
        const body = field('Body');
        const mediaUrls = allValues(request.form['MediaUrl']);
        // The 400s Twilio gives for the commonest mistakes, in Twilio's order.
        if (!to)
            return sendJson(res, 400, twilioErrorBody(400, 21604, "A 'To' phone number is required."));
        if (!from && !messagingServiceSid) {
            return sendJson(res, 400, twilioErrorBody(400, 21603, "A 'From' phone number is required."));
        }
        if (!body && mediaUrls.length === 0 && !field('ContentSid')) {
            return sendJson(res, 400, twilioErrorBody(400, 21602, 'Message body is required.'));
        }
        const created = rfc2822(now());
        const sid = `SM${randomBytes(16).toString('hex')}`;
        const uriBase = `${API}/Accounts/${accountSid}/Messages/${sid}`;
        const message = {
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
        sendJson(res, 201, message);
    }
    function fetchMessage(request, res, sid) {
        const message = messages.get(sid);
        if (!message) {
            sendJson(res, 404, twilioErrorBody(404, 20404, `The requested resource ${request.path} was not found`));
            return;
        }
        sendJson(res, 200, message);
    }
    function listMessages(request, res) {
        // Newest first, filtered by To/From like Twilio; one page (no paging tokens).
        const to = firstValue(request.query['To']);
        const from = firstValue(request.query['From']);
        const pageSize = Math.min(Math.max(Number(firstValue(request.query['PageSize']) ?? 50) || 50, 1), 1000);
        const selected = [...messages.values()]
            .reverse()
            .filter((message) => (to === undefined || message.to === to) && (from === undefined || message.from === from))
            .slice(0, pageSize);
        const uri = `${API}/Accounts/${accountSid}/Messages.json?PageSize=${pageSize}&Page=0`;
        sendJson(res, 200, {
            messages: selected,
            end: Math.max(selected.length - 1, 0),
            first_page_uri: uri,
            next_page_uri: null,
            page: 0,
            page_size: pageSize,
            previous_page_uri: null,
            start: 0,
            uri,
        });
    }
    function fetchAccount(_request, res) {
        const created = rfc2822(new Date(Date.UTC(2020, 0, 2, 3, 4, 5)));
        const base = `${API}/Accounts/${accountSid}`;
        // Real responses also carry auth_token; the stand-in leaves it out so it can
        // never surface in a test's output.
        sendJson(res, 200, {
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
        });
    }
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
        });
    });
    const { port } = server.address();
    const standIn = {
        url: `http://127.0.0.1:${port}`,
        accountSid,
        requests,
        messages,
        accountStatus: options.accountStatus ?? 'active',
        respondNext(matcher, response) {
            scripts.push({ matches: toPredicate(matcher), response, left: response.times ?? 1 });
            return standIn;
        },
        get pendingScripts() {
            return scripts.reduce((sum, script) => sum + script.left, 0);
        },
        reset() {
            requests.length = 0;
            scripts.length = 0;
            messages.clear();
        },
        close() {
            if (closed)
                return Promise.resolve();
            closed = true;
            for (const timer of timers)
                clearTimeout(timer);
            timers.clear();
            return new Promise((resolve) => {
                server.close(() => resolve());
                // Keep-alive and hanging connections would otherwise hold close() open.
                server.closeAllConnections();
            });
        },
    };
    return standIn;
}
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                reject(new Error('body too large'));
                req.destroy();
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}
function recordRequest(req, rawBody) {
    const url = new URL(req.url ?? '/', 'http://stand-in.invalid');
    const contentType = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const headers = { ...req.headers };
    const authorization = req.headers.authorization;
    if (authorization !== undefined)
        headers.authorization = `${authorization.split(' ')[0] ?? ''} [redacted]`;
    const recorded = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: fieldsOf(url.searchParams),
        headers,
        form: contentType === 'application/x-www-form-urlencoded' ? fieldsOf(new URLSearchParams(rawBody)) : {},
        rawBody,
        receivedAt: new Date(),
    };
    const auth = parseBasicAuth(authorization);
    if (auth)
        recorded.auth = auth;
    return recorded;
}
function parseBasicAuth(header) {
    const match = header === undefined ? null : /^Basic\s+(\S+)$/i.exec(header);
    if (!match)
        return undefined;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const username = colon < 0 ? decoded : decoded.slice(0, colon);
    const password = colon < 0 ? '' : decoded.slice(colon + 1);
    const auth = { scheme: 'basic', username };
    Object.defineProperty(auth, 'password', { value: password, enumerable: false });
    return auth;
}
/** URLSearchParams -> record; repeated keys become arrays in order. */
function fieldsOf(params) {
    const fields = {};
    for (const [key, value] of params) {
        const existing = fields[key];
        if (existing === undefined)
            fields[key] = value;
        else if (Array.isArray(existing))
            existing.push(value);
        else
            fields[key] = [existing, value];
    }
    return fields;
}
function firstValue(value) {
    return Array.isArray(value) ? value[0] : value;
}
function allValues(value) {
    if (value === undefined)
        return [];
    return Array.isArray(value) ? value : [value];
}
function toPredicate(matcher) {
    if (typeof matcher === 'function')
        return matcher;
    if (matcher instanceof RegExp)
        return (request) => matcher.test(request.path);
    const spaced = /^([A-Za-z]+)\s+(\S+)$/.exec(matcher.trim());
    const method = spaced ? spaced[1].toUpperCase() : undefined;
    const template = spaced ? spaced[2] : matcher.trim();
    const pattern = new RegExp(`^${template
        .split(/(\{[^}/]+\}|\*)/)
        .map((part, i) => (i % 2 === 1 ? '[^/]+?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('')}$`);
    return (request) => (method === undefined || request.method === method) && pattern.test(request.path);
}
function lowerKeys(headers) {
    const out = {};
    for (const [name, value] of Object.entries(headers ?? {}))
        out[name.toLowerCase()] = value;
    return out;
}
function sendJson(res, status, body, headers) {
    send(res, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...lowerKeys(headers) });
}
function send(res, status, body, headers) {
    res.writeHead(status, {
        // Twilio tags every response; handy when an adapter logs request ids.
        'twilio-request-id': `RQ${randomBytes(16).toString('hex')}`,
        'content-length': String(Buffer.byteLength(body)),
        ...headers,
    });
    res.end(body);
}
/** Twilio's date format: `Thu, 24 Aug 2023 05:01:45 +0000`. */
function rfc2822(date) {
    return date.toUTCString().replace(/GMT$/, '+0000');
}
// GSM 03.38 basic set and the extension characters that take two septets.
const GSM7_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€\f';
/** Segments as Twilio counts them: GSM-7 160/153 septets, else UCS-2 70/67 code units. */
function countSegments(body) {
    let septets = 0;
    let gsm = true;
    for (const char of body) {
        if (GSM7_BASIC.includes(char))
            septets += 1;
        else if (GSM7_EXTENDED.includes(char))
            septets += 2;
        else {
            gsm = false;
            break;
        }
    }
    if (gsm)
        return septets <= 160 ? 1 : Math.ceil(septets / 153);
    const units = body.length; // UTF-16 code units, which is what UCS-2 segments count
    return units <= 70 ? 1 : Math.ceil(units / 67);
}
//# sourceMappingURL=stand-in.js.map