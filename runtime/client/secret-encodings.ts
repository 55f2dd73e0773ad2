/**
 * Every form in which a client's secret values can show up in an error message, so redaction is
 * a plain substring search. Providers and HTTP libraries echo requests: a URL or a form body
 * (percent-encoded), a JSON body (escaped), an Authorization header (`Basic base64(user:password)`,
 * where the secret is base64 after a user name of any length). Computed once per client.
 */

/**
 * Derived forms shorter than this are left out: masking every short run of characters that
 * happens to match would shred messages, and so little of an encoding reveals little.
 */
const MIN_DERIVED_LENGTH = 6;

/** The values themselves and each of their encodings, without duplicates; empty values are skipped. */
export function secretEncodings(values: readonly string[]): string[] {
  const forms = new Set<string>();
  const derived = (form: string) => {
    if (form.length >= MIN_DERIVED_LENGTH) forms.add(form);
  };
  const secrets = values.filter((value) => value !== '');
  for (const value of secrets) {
    forms.add(value);
    const uri = encodeURIComponent(value);
    derived(uri);
    derived(uri.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
    // Form bodies encode more characters than encodeURIComponent and spaces as "+".
    derived(new URLSearchParams([['', value]]).toString().slice(1));
    derived(JSON.stringify(value).slice(1, -1));
    const bytes = utf8(value);
    derived(base64(bytes));
    for (const core of base64Cores(bytes)) {
      derived(core);
      derived(toBase64Url(core));
    }
  }
  // Basic auth over two of the client's own secrets, e.g. accountSid:authToken, masked whole.
  for (const user of secrets) {
    for (const password of secrets) {
      if (user === password) continue;
      const pair = base64(utf8(`${user}:${password}`));
      derived(pair);
      derived(toBase64Url(pair));
    }
  }
  return [...forms];
}

/**
 * The base64 characters that encode only the secret's own bytes, for each of the three byte
 * offsets it can start at inside a longer encoded string (`user:` before it, anything after).
 * Base64 turns 3 bytes into 4 characters; characters that mix in a neighbouring byte differ with
 * the context, so they are dropped: 2 at the start after 1 leading byte, 3 after 2, and the last
 * character when the secret ends inside a group.
 */
function base64Cores(bytes: Uint8Array): string[] {
  const cores: string[] = [];
  for (const [offset, mixedHead] of [
    [0, 0],
    [1, 2],
    [2, 3],
  ] as const) {
    const shifted = new Uint8Array(offset + bytes.length);
    shifted.set(bytes, offset);
    const encoded = base64(shifted).replace(/=+$/, '');
    const mixedTail = shifted.length % 3 === 0 ? 0 : 1;
    cores.push(encoded.slice(mixedHead, encoded.length - mixedTail));
  }
  return cores;
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

// btoa and TextEncoder rather than Buffer: the runtime does not depend on Node built-ins.
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function toBase64Url(encoded: string): string {
  return encoded.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
