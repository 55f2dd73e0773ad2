/** Where an integration's binding is and what it is called: the clients and test-double artifacts import it by these. */
import { camelCase } from '../../plan/identifiers.js';
import type { IntegrationSummary } from '../../plan/model.js';

/** `integrations/sms.vonage/http.ts`. */
export function httpBindingPath(summary: Pick<IntegrationSummary, 'dir'>): string {
  return `${summary.dir}/http.ts`;
}

/** `smsVonageHttpBinding`. */
export function httpBindingConst(summary: Pick<IntegrationSummary, 'key'>): string {
  return `${camelCase(summary.key)}HttpBinding`;
}
