/**
 * Twilio Message resource -> capability outputs, shared by the SMS and WhatsApp adapters.
 * Pure functions over Twilio's JSON body (not the SDK's MessageInstance, which fills in what
 * Twilio left out); nothing here loads the SDK.
 */
import { InvalidInputError, InvalidResponseError, type Issue } from '@contractgen/runtime';
import { describeTwilioErrorCode } from './errors.js';

export type SmsDeliveryStatus = 'queued' | 'scheduled' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'canceled';
export type MessagingDeliveryStatus = SmsDeliveryStatus | 'read';

/**
 * Every message status Twilio documents (`message_enum_status` in its OpenAPI description of the
 * 2010-04-01 API) onto the capability enum: accepted -> queued (a Messaging Service is still
 * picking a sender); receiving -> sending and received -> delivered (an inbound message looked up
 * by id); partially_delivered -> sent (some recipients of a group message have it, the rest are
 * still pending); read -> read where the capability knows it (WhatsApp), else delivered (it was
 * delivered before it was read). A status not listed is not guessed: see toDeliveryStatus.
 */
const TWILIO_STATUSES: Readonly<Record<string, SmsDeliveryStatus | 'read'>> = {
  queued: 'queued',
  accepted: 'queued',
  scheduled: 'scheduled',
  sending: 'sending',
  receiving: 'sending',
  sent: 'sent',
  partially_delivered: 'sent',
  delivered: 'delivered',
  received: 'delivered',
  read: 'read',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'canceled',
};

/** Twilio's status on the capability enum; undefined for a status Twilio does not document (or none). */
export function toDeliveryStatus(status: unknown, options: { readonly read: true }): MessagingDeliveryStatus | undefined;
export function toDeliveryStatus(status: unknown, options?: { readonly read?: false }): SmsDeliveryStatus | undefined;
export function toDeliveryStatus(status: unknown, options: { readonly read?: boolean } = {}): MessagingDeliveryStatus | undefined {
  const mapped = typeof status === 'string' && Object.hasOwn(TWILIO_STATUSES, status) ? TWILIO_STATUSES[status] : undefined;
  return mapped === 'read' && !options.read ? 'delivered' : mapped;
}

/** Where a result is read from, for the error that says it cannot be. */
export interface ResponseContext {
  readonly integration?: string;
  readonly operation?: string;
}

/**
 * Reads the output fields from a Message resource as Twilio's JSON body has it (snake_case).
 * Nothing is made up: a required field that is missing or unusable, a status Twilio does not
 * document, or a present value that cannot be read is an issue naming the output field, and one
 * InvalidResponseError lists them all. A field the capability allows to be null is null only
 * when Twilio sent null or nothing.
 */
class MessageBody {
  readonly issues: Issue[] = [];
  private readonly fields: Record<string, unknown>;

  /** A body that is no JSON object is one issue, not one per field. */
  private readonly isMessage: boolean;

  constructor(body: unknown) {
    this.isMessage = typeof body === 'object' && body !== null && !Array.isArray(body);
    if (!this.isMessage) this.issues.push({ path: '(response)', message: 'is not a JSON object: Twilio answered without a message' });
    this.fields = this.isMessage ? (body as Record<string, unknown>) : {};
  }

  /** A required text field; `name` is Twilio's. */
  text(output: string, name: string): string {
    const value = this.fields[name];
    if (typeof value === 'string' && value !== '') return value;
    this.issue(output, name, value, 'a non-empty string');
    return '';
  }

  status(read: boolean): MessagingDeliveryStatus {
    const value = this.fields.status;
    const status = read ? toDeliveryStatus(value, { read: true }) : toDeliveryStatus(value);
    if (status !== undefined) return status;
    this.issue('status', 'status', value, 'one of the message statuses Twilio documents');
    return 'queued';
  }

  /** A nullable text field (numbers Twilio sends as numbers, such as price, are read as text). */
  optionalText(output: string, name: string): string | null {
    const value = this.fields[name];
    if (absent(value)) return null;
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
    this.issue(output, name, value, 'a string');
    return null;
  }

  optionalInteger(output: string, name: string): number | null {
    const value = this.fields[name];
    if (absent(value)) return null;
    const number = typeof value === 'string' || typeof value === 'number' ? toInteger(value) : null;
    if (number === null) this.issue(output, name, value, 'a whole number');
    return number;
  }

  /** A date (Twilio sends RFC 2822: "Thu, 30 Jul 2015 20:12:31 +0000"), as ISO 8601. */
  optionalDate(output: string, name: string): string | null {
    const value = this.fields[name];
    if (absent(value)) return null;
    const date = typeof value === 'string' ? new Date(value) : undefined;
    if (date && !Number.isNaN(date.getTime())) return date.toISOString();
    this.issue(output, name, value, 'a date');
    return null;
  }

  /** Throws the InvalidResponseError listing every issue, if there is one. */
  check(context: ResponseContext): void {
    if (this.issues.length > 0) throw new InvalidResponseError(this.issues, context);
  }

  /** Names the output field, Twilio's and the rule, never the value Twilio sent (it may be anything). */
  private issue(output: string, name: string, value: unknown, expected: string): void {
    if (!this.isMessage) return;
    this.issues.push({ path: output, message: absent(value) ? `is missing: Twilio answered without "${name}"` : `must be ${expected}, and Twilio's "${name}" is not` });
  }
}

function absent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** "3" -> 3; null for absent, non-numeric or non-integer values. */
export function toInteger(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isSafeInteger(number) ? number : null;
}

/** Twilio's error_message, or a short description of the code when Twilio leaves it empty (common for 30xxx). */
function errorText(body: MessageBody, errorCode: number | null): string | null {
  return body.optionalText('errorMessage', 'error_message') ?? describeTwilioErrorCode(errorCode) ?? null;
}

/** A Message resource (Twilio's JSON body) as the sms.outbound capability's message. */
export function toSmsMessage(json: unknown, context: ResponseContext = {}) {
  const body = new MessageBody(json);
  const errorCode = body.optionalInteger('errorCode', 'error_code');
  const message = {
    id: body.text('id', 'sid'),
    status: body.status(false) as SmsDeliveryStatus,
    to: body.text('to', 'to'),
    from: body.optionalText('from', 'from'),
    segments: body.optionalInteger('segments', 'num_segments'),
    price: body.optionalText('price', 'price'),
    priceUnit: body.optionalText('priceUnit', 'price_unit'),
    errorCode,
    errorMessage: errorText(body, errorCode),
    createdAt: body.optionalDate('createdAt', 'date_created'),
    sentAt: body.optionalDate('sentAt', 'date_sent'),
    updatedAt: body.optionalDate('updatedAt', 'date_updated'),
  };
  body.check(context);
  return message;
}

/** A Message resource (Twilio's JSON body) as the messaging.outbound capability's message. */
export function toChannelMessage(json: unknown, context: ResponseContext = {}) {
  const body = new MessageBody(json);
  const errorCode = body.optionalInteger('errorCode', 'error_code');
  const message = {
    id: body.text('id', 'sid'),
    status: body.status(true),
    to: body.text('to', 'to'),
    from: body.optionalText('from', 'from'),
    errorCode,
    errorMessage: errorText(body, errorCode),
    createdAt: body.optionalDate('createdAt', 'date_created'),
    updatedAt: body.optionalDate('updatedAt', 'date_updated'),
  };
  body.check(context);
  return message;
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
