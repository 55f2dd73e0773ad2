/**
 * Serves a fetch-style handler (`Request` in, `Response` out) on 127.0.0.1 over real HTTP, for
 * tests that need a socket: a client in another process, or transport failures that only a real
 * connection shows. A handler may answer DROP_CONNECTION to close the socket without a response,
 * or never settle to hang; `close()` ends every connection, hanging ones included.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answer with this to close the connection without any response (the client sees it reset). */
export const DROP_CONNECTION = Symbol('drop the connection');

export type FetchHandler = (request: Request) => Promise<Response | typeof DROP_CONNECTION>;

export interface LocalServer {
  /** e.g. http://127.0.0.1:53127 (no trailing slash). */
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function serveFetchHandler(handler: FetchHandler): Promise<LocalServer> {
  let origin = '';
  const server = http.createServer((req, res) => {
    readBody(req)
      .then(async (body) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
        }
        const method = (req.method ?? 'GET').toUpperCase();
        const request = new Request(new URL(req.url ?? '/', origin), { method, headers, ...(method !== 'GET' && method !== 'HEAD' && { body: new Uint8Array(body) }) });
        const answer = await handler(request);
        if (answer === DROP_CONNECTION) {
          req.socket.destroy();
          return;
        }
        const text = Buffer.from(await answer.arrayBuffer());
        const out: Record<string, string> = {};
        answer.headers.forEach((value, name) => (out[name] = value));
        out['content-length'] = String(text.length);
        res.writeHead(answer.status, out);
        res.end(text);
      })
      .catch(() => {
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('stand-in failure');
        }
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closed: Promise<void> | undefined;
  return {
    url: origin,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive and hanging connections would otherwise hold close() open.
        server.closeAllConnections();
      })),
  };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
