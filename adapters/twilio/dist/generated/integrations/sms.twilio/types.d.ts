/**
 * Configuration of sms.twilio (configSchema).
 */
export interface SmsTwilioConfig {
    /**
     * Default Twilio phone number used as sender.
     */
    fromNumber?: string;
}
/**
 * Secrets of sms.twilio (secretSchema).
 */
export interface SmsTwilioSecrets {
    /**
     * Twilio Account SID.
     */
    accountSid: string;
    /**
     * Twilio Auth Token.
     */
    authToken: string;
}
//# sourceMappingURL=types.d.ts.map