import type { InputBoundary } from '../fs/input-boundary.js';
import { readInputText } from '../fs/read-input.js';

/**
 * Code frames quote spec sources, and a spec's `secretSchema.example` may hold something that
 * looks like (or is) a real credential: every such string, as written and as decoded
 * (load/secret-spellings.ts), is masked, same length, so columns stay right.
 */

/** Secret example values shorter than this are not credentials, and masking them would blank out unrelated text. */
const MIN_MASKED_LENGTH = 4;

export function maskSecrets(text: string, secrets: ReadonlySet<string>): string {
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    // Line breaks stay (a template literal may span lines): frame lines keep their numbers.
    if (secret.length >= MIN_MASKED_LENGTH) text = text.split(secret).join(secret.replace(/[^\r\n\u2028\u2029]/g, '*'));
  }
  return text;
}

/**
 * Source text for code frames: every secret example string masked, same length, so columns stay
 * right. Read through the run's input boundary, like the loader: never a byte from outside the project.
 */
export function maskedSourceText(secrets: ReadonlySet<string>, boundary: InputBoundary): (file: string) => string | undefined {
  const masked = new Map<string, string>();
  return (file) => {
    let text = masked.get(file);
    if (text === undefined) {
      try {
        text = maskSecrets(readInputText(file, boundary, { lossy: true }), secrets);
      } catch {
        return undefined;
      }
      masked.set(file, text);
    }
    return text;
  };
}
