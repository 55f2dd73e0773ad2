// `@contractgen/twilio/testing`: a local Twilio stand-in for tests and local development. Point an
// adapter at it with `createTwilioSmsAdapter({ baseUrl: standIn.url })`. Importing this module
// does not load the twilio SDK.
export * from './stand-in.js';
