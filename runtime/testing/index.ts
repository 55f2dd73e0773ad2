// `@contractgen/runtime/testing`: what tests of code that calls providers need, never loaded by
// production clients. The HTTP test double (a provider's wire format from its binding), a local
// HTTP listener for any fetch-style handler, a fetch that redirects provider origins to it, and
// what a stand-in written from a provider's documentation is built on (recording, scripting).
export * from './http-test-double.js';
export { DROP_CONNECTION, serveFetchHandler, type FetchHandler, type LocalServer } from './serve.js';
export { redirectFetch } from './redirect-fetch.js';
export {
  singleValue,
  startStandIn,
  type RecordedAuth,
  type RecordedRequest,
  type RouteMatcher,
  type ScriptedAnswer,
  type StandIn,
  type StandInAnswer,
  type StandInOptions,
} from './stand-in.js';
