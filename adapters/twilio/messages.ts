/**
 * Twilio Message resource -> capability outputs, shared by the SMS and WhatsApp adapters.
 * Pure functions over the SDK's MessageInstance fields; nothing here loads the SDK.
 */
import { InvalidInputError, InvalidResponseError } from '@contractgen/runtime';
import { describeTwilioErrorCode } from './errors.js';

/** The fields of the SDK's MessageInstance the adapters read (typed loosely: Twilio adds and changes fields). */
export interface TwilioMessageFields {
  readonly sid: string;
  readonly status?: string | null;
  readonly to?: string | null;
  readonly from?: string | null;
  readonly numSegments?: string | number | null;
  readonly price?: string | number | null;
  readonly priceUnit?: string | null;
  readonly errorCode?: number | string | null;
  readonly errorMessage?: string | null;
  readonly dateCreated?: Date | string | null;
  readonly dateSent?: Date | string | null;
  readonly dateUpdated?: Date | string | null;
}

export type SmsDeliveryStatus = 'queued' | 'scheduled' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'canceled';
export type MessagingDeliveryStatus = SmsDeliveryStatus | 'read';

/**
 * Twilio's message statuses onto the capability enum:
 * accepted -> queued (a Messaging Service is still picking a sender); receiving -> sending and
 * received -> delivered (an inbound message looked up by id); partially_delivered -> sent (some
 * recipients of a group message have it, the rest are still pending); read -> read where the
 * capability knows it (WhatsApp), else delivered (it was delivered before it was read).
 * A status Twilio adds later maps to queued: non-final, so pollers keep polling.
 */
export function toDeliveryStatus(status: string | null | undefined, options: { readonly read: true }): MessagingDeliveryStatus;
export function toDeliveryStatus(status: string | null | undefined, options?: { readonly read?: false }): SmsDeliveryStatus;
export function toDeliveryStatus(status: string | null | undefined, options: { readonly read?: boolean } = {}): MessagingDeliveryStatus {
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
export function toIsoDate(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** "3" -> 3; null for absent, non-numeric or non-integer values. */
export function toInteger(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isSafeInteger(number) ? number : null;
}

function toText(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return String(value);
}

/** Twilio's errorMessage, or a short description of the code when Twilio leaves it empty (common for 30xxx). */
function errorText(fields: TwilioMessageFields, errorCode: number | null): string | null {
  return toText(fields.errorMessage) ?? describeTwilioErrorCode(errorCode) ?? null;
}

/**
 * Every Message resource has a SID: an answer without one is not a message Twilio created (or
 * not one we can identify), so it is a provider error, never a result with `id: undefined`.
 */
function messageSid(fields: TwilioMessageFields): string {
  if (typeof fields.sid === 'string' && fields.sid !== '') return fields.sid;
  throw new InvalidResponseError([{ path: 'id', message: 'is missing: Twilio answered without a message sid' }]);
}

export function toSmsMessage(fields: TwilioMessageFields) {
  const errorCode = toInteger(fields.errorCode);
  return {
    id: messageSid(fields),
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

export function toChannelMessage(fields: TwilioMessageFields) {
  const errorCode = toInteger(fields.errorCode);
  return {
    id: messageSid(fields),
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

export function assertMessageSid(id: string, integration: string, path = 'id'): void {
  if (!MESSAGE_SID.test(id)) {
    throw new InvalidInputError([{ path, message: 'must be a Twilio Message SID (SM or MM followed by 32 hex digits)' }], { integration });
  }
}

/** Twilio Messaging Service SIDs (MG + 32 hex) may stand in for a sender number. */
export const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;
