/**
 * Configuration of messaging.whatsapp.twilio (configSchema).
 */
export interface MessagingWhatsappTwilioConfig {
    /**
     * Default WhatsApp-enabled Twilio sender number (e.g. whatsapp:+15551234567).
     */
    fromNumber?: string;
}
/**
 * Secrets of messaging.whatsapp.twilio (secretSchema).
 */
export interface MessagingWhatsappTwilioSecrets {
    /**
     * Twilio account SID.
     */
    accountSid: string;
    /**
     * Twilio auth token.
     */
    authToken: string;
}
//# sourceMappingURL=types.d.ts.map