/** `sms.twilio` -> `SmsTwilio`; `messaging.whatsapp-twilio` -> `MessagingWhatsappTwilio`. */
export declare function pascalCase(key: string): string;
/** `sms.twilio` -> `smsTwilio`. */
export declare function camelCase(key: string): string;
//# sourceMappingURL=identifiers.d.ts.map