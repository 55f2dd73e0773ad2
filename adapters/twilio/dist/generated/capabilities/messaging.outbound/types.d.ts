import type { InvokeContext } from "../../runtime.js";
/** Input of `sendMessage`: Send one message: text, media, or a pre-approved template with variables. */
export interface MessagingOutboundSendMessageInput {
    /**
     * Recipient: E.164 number, with or without the channel prefix (whatsapp:+15558675310).
     */
    to: string;
    /**
     * Sender address; defaults to the config fromNumber.
     */
    from?: string;
    /**
     * What to send.
     */
    content: (MessagingOutboundSendMessageInputText | MessagingOutboundSendMessageInputMedia | MessagingOutboundSendMessageInputTemplate);
    /**
     * Id of the inbound message this answers, where the channel threads replies.
     */
    replyToId?: string;
    /**
     * URL the provider calls on each status change.
     */
    statusCallbackUrl?: string;
    /**
     * Your own key/values for logs and tracing.
     */
    metadata?: {
        [k: string]: string | undefined;
    };
}
export interface MessagingOutboundSendMessageInputText {
    type: "text";
    text: string;
}
export interface MessagingOutboundSendMessageInputMedia {
    type: "media";
    /**
     * @minItems 1
     * @maxItems 10
     */
    mediaUrls: string[];
    caption?: string;
}
export interface MessagingOutboundSendMessageInputTemplate {
    type: "template";
    /**
     * Provider id of the approved template (Twilio Content SID, HX...).
     */
    templateId: string;
    /**
     * Values for the template placeholders, keyed by placeholder ("1", "2", ... or names).
     */
    variables?: {
        [k: string]: string | undefined;
    };
}
/** Output of `sendMessage`. */
export interface MessagingOutboundSendMessageOutput {
    /**
     * Provider's message id.
     */
    id: string;
    /**
     * Where the message is in its delivery lifecycle.
     */
    status: ("queued" | "scheduled" | "sending" | "sent" | "delivered" | "read" | "undelivered" | "failed" | "canceled");
    /**
     * Recipient channel address, e.g. whatsapp:+15558675310.
     */
    to: string;
    /**
     * Sender channel address.
     */
    from: (string | null);
    /**
     * Provider error code when the message failed.
     */
    errorCode: (number | null);
    /**
     * Provider error text when the message failed.
     */
    errorMessage: (string | null);
    createdAt: (string | null);
    updatedAt: (string | null);
}
/** Input of `getMessageStatus`: Look up the current delivery status of a message sent earlier. */
export interface MessagingOutboundGetMessageStatusInput {
    id: string;
}
/** Output of `getMessageStatus`. */
export type MessagingOutboundGetMessageStatusOutput = MessagingOutboundSendMessageOutput;
/** What an adapter implements to provide messaging.outbound@1.0.0. */
export interface MessagingOutboundOperations {
    /** Send one message: text, media, or a pre-approved template with variables. Not idempotent: never re-sent after an ambiguous failure. */
    sendMessage(input: MessagingOutboundSendMessageInput, context: InvokeContext): Promise<MessagingOutboundSendMessageOutput>;
    /** Look up the current delivery status of a message sent earlier. */
    getMessageStatus(input: MessagingOutboundGetMessageStatusInput, context: InvokeContext): Promise<MessagingOutboundGetMessageStatusOutput>;
}
//# sourceMappingURL=types.d.ts.map