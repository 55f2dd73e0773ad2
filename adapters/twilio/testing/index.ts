// `@contractgen/twilio/testing`: a local Twilio stand-in, and the SDK HTTP client that reaches it,
// for tests and local development. Loads the twilio SDK (the loopback client extends its RequestClient).
export * from './stand-in.js';
export { createLoopbackHttpClient, LoopbackRequestClient, type LoopbackHttpClientOptions } from '../loopback-http-client.js';
