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
export declare function toDeliveryStatus(status: string | null | undefined, options: {
    readonly read: true;
}): MessagingDeliveryStatus;
export declare function toDeliveryStatus(status: string | null | undefined, options?: {
    readonly read?: false;
}): SmsDeliveryStatus;
/** A Date (or date string) as ISO 8601; null for absent or invalid dates. */
export declare function toIsoDate(value: Date | string | null | undefined): string | null;
/** "3" -> 3; null for absent, non-numeric or non-integer values. */
export declare function toInteger(value: string | number | null | undefined): number | null;
export declare function toSmsMessage(fields: TwilioMessageFields): {
    id: string;
    status: SmsDeliveryStatus;
    to: string;
    from: string | null;
    segments: number | null;
    price: string | null;
    priceUnit: string | null;
    errorCode: number | null;
    errorMessage: string | null;
    createdAt: string | null;
    sentAt: string | null;
    updatedAt: string | null;
};
export declare function toChannelMessage(fields: TwilioMessageFields): {
    id: string;
    status: MessagingDeliveryStatus;
    to: string;
    from: string | null;
    errorCode: number | null;
    errorMessage: string | null;
    createdAt: string | null;
    updatedAt: string | null;
};
/**
 * Message SIDs are two letters (SM, MM) and 32 hex digits. Checked before the SDK builds a URL
 * from it, so a malformed id is an input error instead of a 404 (or a path outside Messages).
 */
export declare const MESSAGE_SID: RegExp;
export declare function assertMessageSid(id: string, integration: string, path?: string): void;
/** Twilio Messaging Service SIDs (MG + 32 hex) may stand in for a sender number. */
export declare const MESSAGING_SERVICE_SID: RegExp;
//# sourceMappingURL=messages.d.ts.map