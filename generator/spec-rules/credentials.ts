/**
 * What a live credential looks like, as opposed to a placeholder: a secret example that looks like
 * one is a warning (CG123), and is masked wherever the spec is reproduced (plan/redact.ts).
 */

/** Finds an example that looks like a live credential rather than a placeholder. */
const CREDENTIAL_SHAPES: readonly [RegExp, string][] = [
  [/^AC[0-9a-f]{32}$/, 'a Twilio Account SID'],
  [/^SK[0-9a-f]{32}$/, 'a Twilio API key SID'],
  [/^(sk|rk)_live_[0-9a-zA-Z]{16,}$/, 'a Stripe live key'],
  [/^AKIA[0-9A-Z]{16}$/, 'an AWS access key id'],
  [/^xox[abposr]-[0-9A-Za-z-]{10,}$/, 'a Slack token'],
  [/^gh[pousr]_[0-9A-Za-z]{36,}$/, 'a GitHub token'],
  [/^[0-9a-f]{32,}$/, 'a hex secret'],
];
/** What a value looks like, when it looks like a live credential rather than a placeholder. */
export function credentialLike(value: string): string | undefined {
  for (const [shape, what] of CREDENTIAL_SHAPES) if (shape.test(value)) return what;
  // Long, mixed-class strings without repetition look random; placeholders like "xxxx" or "auth-token" do not.
  if (value.length >= 24 && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value) && new Set(value).size >= 16) {
    return 'a random token';
  }
  return undefined;
}
