export * from './stand-in.js';
export { createLoopbackHttpClient, LoopbackRequestClient, type LoopbackHttpClientOptions } from '../loopback-http-client.js';
//# sourceMappingURL=index.d.ts.map