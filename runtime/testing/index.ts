// `@contractgen/runtime/testing`: what tests of code that calls providers need, never loaded by
// production clients. The HTTP test double (a provider's wire format from its binding), a local
// HTTP listener for any fetch-style handler, and a fetch that redirects provider origins to it.
export * from './http-test-double.js';
export { DROP_CONNECTION, serveFetchHandler, type FetchHandler, type LocalServer } from './serve.js';
export { redirectFetch } from './redirect-fetch.js';
