import type { InvokeContext } from "../../runtime.js";
/** Input of `sendSms`: Send one SMS (or MMS when media URLs are given) to one recipient. */
export interface SmsOutboundSendSmsInput {
    /**
     * Recipient phone number in E.164, e.g. +15558675310.
     */
    to: string;
    /**
     * Sender number in E.164 or an alphanumeric sender id; defaults to the config fromNumber.
     */
    from?: string;
    /**
     * Message text (up to 1600 characters).
     */
    body: string;
    /**
     * Public URLs of media to attach (MMS), at most 10.
     *
     * @maxItems 10
     */
    mediaUrls?: string[];
    /**
     * URL the provider calls on each status change.
     */
    statusCallbackUrl?: string;
    /**
     * Your own key/values, kept with the request for logs and tracing; not sent to the recipient.
     */
    metadata?: {
        [k: string]: string | undefined;
    };
}
/** Output of `sendSms`. */
export interface SmsOutboundSendSmsOutput {
    /**
     * Provider's message id (a Twilio Message SID, SM...).
     */
    id: string;
    /**
     * Where the message is in its delivery lifecycle.
     */
    status: ("queued" | "scheduled" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "canceled");
    /**
     * Recipient in E.164.
     */
    to: string;
    /**
     * Sender number or alphanumeric sender id.
     */
    from?: (string | null);
    /**
     * Number of billed SMS segments.
     */
    segments: (number | null);
    /**
     * Price as a decimal string (negative for charges), null until known.
     */
    price: (string | null);
    /**
     * ISO 4217 currency of `price`.
     */
    priceUnit: (string | null);
    /**
     * Provider error code when the message failed.
     */
    errorCode: (number | null);
    /**
     * Provider error text when the message failed.
     */
    errorMessage: (string | null);
    /**
     * When the provider accepted the message.
     */
    createdAt: (string | null);
    /**
     * When the message left the provider.
     */
    sentAt: (string | null);
    /**
     * Last status change.
     */
    updatedAt: (string | null);
}
/** Input of `getDeliveryStatus`: Look up the current delivery status of a message sent earlier. */
export interface SmsOutboundGetDeliveryStatusInput {
    /**
     * Message id returned by sendSms.
     */
    id: string;
}
/** Output of `getDeliveryStatus`. */
export type SmsOutboundGetDeliveryStatusOutput = SmsOutboundSendSmsOutput;
/** What an adapter implements to provide sms.outbound@1.0.0. */
export interface SmsOutboundOperations {
    /** Send one SMS (or MMS when media URLs are given) to one recipient. Not idempotent: never re-sent after an ambiguous failure. */
    sendSms(input: SmsOutboundSendSmsInput, context: InvokeContext): Promise<SmsOutboundSendSmsOutput>;
    /** Look up the current delivery status of a message sent earlier. */
    getDeliveryStatus(input: SmsOutboundGetDeliveryStatusInput, context: InvokeContext): Promise<SmsOutboundGetDeliveryStatusOutput>;
}
//# sourceMappingURL=types.d.ts.map