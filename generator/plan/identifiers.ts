/** `sms.twilio` -> `SmsTwilio`; `messaging.whatsapp-twilio` -> `MessagingWhatsappTwilio`. */
export function pascalCase(key: string): string {
  return key
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** `sms.twilio` -> `smsTwilio`. */
export function camelCase(key: string): string {
  const pascal = pascalCase(key);
  return pascal[0]!.toLowerCase() + pascal.slice(1);
}
