// What every adapter's webhook handling shares, whatever the provider signs and sends: the body
// read within a limit, form fields, and the bridge from node:http / Express requests.
export { formFields, type FormFields } from './form-fields.js';
export { readRequestText, type ReadBodyOptions } from './request-body.js';
export { toWebRequest, type NodeRequest, type ToWebRequestOptions } from './node-request.js';
