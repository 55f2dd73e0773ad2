/** Payload of the `messageReceived` event: A user sent a message to one of your numbers. */
export interface MessagingInboundMessageReceivedEvent {
    /**
     * Provider's message id; the same id on a redelivered webhook.
     */
    id: string;
    /**
     * Provider account the message arrived on.
     */
    accountId?: string;
    /**
     * Sender address as the channel gives it (whatsapp:+15558675310).
     */
    from: string;
    /**
     * Your address that received the message.
     */
    to: string;
    /**
     * Message text, null when there is none.
     */
    text: (string | null);
    media: {
        url: string;
        contentType: (string | null);
    }[];
    /**
     * Sender's display name on the channel.
     */
    profileName?: string;
    /**
     * Sender's id on the channel (WhatsApp WaId).
     */
    channelUserId?: string;
    /**
     * Channel message type (text, image, location, button, ...).
     */
    messageType?: string;
    location?: {
        latitude: number;
        longitude: number;
        address?: string;
        label?: string;
    };
    button?: {
        text: string;
        payload?: string;
    };
    /**
     * Id of the message this one replies to, when the channel says.
     */
    replyToId?: string;
    /**
     * All fields of the provider request as received; repeated fields are arrays.
     */
    raw: {
        [k: string]: string | string[] | undefined;
    };
}
/** Payload of the `deliveryStatusChanged` event: A message you sent changed delivery status. */
export interface MessagingInboundDeliveryStatusChangedEvent {
    /**
     * Id of the message whose status changed.
     */
    id: string;
    /**
     * New status as the provider names it (sent, delivered, read, failed, ...).
     */
    status: string;
    /**
     * Provider error code for failed or undelivered messages.
     */
    errorCode: (number | null);
    to?: string;
    from?: string;
    /**
     * All fields of the provider request as received; repeated fields are arrays.
     */
    raw: {
        [k: string]: string | string[] | undefined;
    };
}
/** Every event messaging.inbound delivers, tagged by `type`. */
export type MessagingInboundEvent = {
    readonly type: "messageReceived";
    readonly payload: MessagingInboundMessageReceivedEvent;
} | {
    readonly type: "deliveryStatusChanged";
    readonly payload: MessagingInboundDeliveryStatusChangedEvent;
};
//# sourceMappingURL=types.d.ts.map