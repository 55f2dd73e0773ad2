/**
 * A webhook request's body, read once and within a size limit, before anything is verified: a
 * sender that is not the provider must not make the process buffer more than the limit.
 */
import { InvalidInputError } from '../client/errors.js';

export interface ReadBodyOptions {
  /** Largest body accepted, in bytes: a larger one (declared or streamed) is InvalidInputError. */
  readonly maxBytes: number;
  /** For the error's `integration`. */
  readonly integration: string;
}

/**
 * The body as UTF-8 text ('' when there is none). InvalidInputError at `body` when it is larger
 * than `maxBytes`, was already read, or cannot be read. Invalid UTF-8 becomes U+FFFD (a signature
 * over the original bytes then fails, as it should).
 */
export async function readRequestText(request: Request, options: ReadBodyOptions): Promise<string> {
  const { maxBytes, integration } = options;
  const tooLarge = () => new InvalidInputError([{ path: 'body', message: `larger than ${maxBytes} bytes` }], { integration });
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (request.bodyUsed) throw new InvalidInputError([{ path: 'body', message: 'the request body was already read; pass the request before reading it' }], { integration });
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw new InvalidInputError([{ path: 'body', message: 'could not be read' }], { integration, cause: error });
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}
