/**
 * Twilio Message resource -> capability outputs, shared by the SMS and WhatsApp adapters.
 * Pure functions over the SDK's MessageInstance fields; nothing here loads the SDK.
 */
import { InvalidInputError } from '@contractgen/runtime';
import { describeTwilioErrorCode } from './errors.js';
export function toDeliveryStatus(status, options = {}) {
    switch (status) {
        case 'queued':
        case 'scheduled':
        case 'sending':
        case 'sent':
        case 'delivered':
        case 'undelivered':
        case 'failed':
        case 'canceled':
            return status;
        case 'accepted':
            return 'queued';
        case 'receiving':
            return 'sending';
        case 'received':
            return 'delivered';
        case 'partially_delivered':
            return 'sent';
        case 'read':
            return options.read ? 'read' : 'delivered';
        default:
            return 'queued';
    }
}
/** A Date (or date string) as ISO 8601; null for absent or invalid dates. */
export function toIsoDate(value) {
    if (value === null || value === undefined || value === '')
        return null;
    const date = value instanceof Date ? value : new Date(value);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
/** "3" -> 3; null for absent, non-numeric or non-integer values. */
export function toInteger(value) {
    if (value === null || value === undefined || value === '')
        return null;
    const number = typeof value === 'number' ? value : Number(String(value).trim());
    return Number.isSafeInteger(number) ? number : null;
}
function toText(value) {
    if (value === null || value === undefined || value === '')
        return null;
    return String(value);
}
/** Twilio's errorMessage, or a short description of the code when Twilio leaves it empty (common for 30xxx). */
function errorText(fields, errorCode) {
    return toText(fields.errorMessage) ?? describeTwilioErrorCode(errorCode) ?? null;
}
export function toSmsMessage(fields) {
    const errorCode = toInteger(fields.errorCode);
    return {
        id: fields.sid,
        status: toDeliveryStatus(fields.status),
        to: fields.to ?? '',
        from: fields.from ?? null,
        segments: toInteger(fields.numSegments),
        price: toText(fields.price),
        priceUnit: toText(fields.priceUnit),
        errorCode,
        errorMessage: errorText(fields, errorCode),
        createdAt: toIsoDate(fields.dateCreated),
        sentAt: toIsoDate(fields.dateSent),
        updatedAt: toIsoDate(fields.dateUpdated),
    };
}
export function toChannelMessage(fields) {
    const errorCode = toInteger(fields.errorCode);
    return {
        id: fields.sid,
        status: toDeliveryStatus(fields.status, { read: true }),
        to: fields.to ?? '',
        from: fields.from ?? null,
        errorCode,
        errorMessage: errorText(fields, errorCode),
        createdAt: toIsoDate(fields.dateCreated),
        updatedAt: toIsoDate(fields.dateUpdated),
    };
}
/**
 * Message SIDs are two letters (SM, MM) and 32 hex digits. Checked before the SDK builds a URL
 * from it, so a malformed id is an input error instead of a 404 (or a path outside Messages).
 */
export const MESSAGE_SID = /^[A-Z]{2}[0-9a-fA-F]{32}$/;
export function assertMessageSid(id, integration, path = 'id') {
    if (!MESSAGE_SID.test(id)) {
        throw new InvalidInputError([{ path, message: 'must be a Twilio Message SID (SM or MM followed by 32 hex digits)' }], { integration });
    }
}
/** Twilio Messaging Service SIDs (MG + 32 hex) may stand in for a sender number. */
export const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;
//# sourceMappingURL=messages.js.map