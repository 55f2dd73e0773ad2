/**
 * The "HTTP binding" section of an integration's page: the request each operation (and the health
 * probe) makes, its auth, the input fields it never sends, every error rule by name, and the
 * secrets the provider needs in URLs with their reasons. Read from the normalized binding (what
 * runs), references written back as the author wrote them (`body.messages.0.status`).
 */
import type { HttpAuth, HttpBinding, HttpErrorRule, HttpRef, HttpRequestBinding, HttpTemplatePart, HttpValue } from '@contractgen/runtime';
import type { IntegrationSpec } from '@contractgen/runtime/spec';

export interface HttpSection {
  readonly baseUrl: string;
  readonly requestId?: string;
  readonly retryAfter?: string;
  readonly requests: readonly { name: string; request: string; auth: string; sends: string }[];
  readonly notSent: readonly { operation: string; field: string; kind: string; reason: string }[];
  readonly rules: readonly { name: string; scope: string; when: string; error: string; retried: string; summary: string }[];
  readonly secretsInUrl: readonly { secret: string; reason: string }[];
}

export function httpSection(spec: IntegrationSpec, binding: HttpBinding): HttpSection {
  const requests = [...Object.entries(binding.operations), ...(binding.health ? [['health probe', binding.health] as const] : [])];
  return {
    baseUrl: binding.baseUrl,
    ...(binding.requestId && { requestId: refText(binding.requestId) }),
    ...(binding.retryAfter && { retryAfter: `header.${binding.retryAfter.header}` }),
    requests: requests.map(([name, request]) => ({
      name,
      request: `${request.method} ${request.baseUrl ?? binding.baseUrl}${templateText(request.path)}`,
      auth: authText(request.auth ?? binding.auth ?? { type: 'none' }),
      sends: sendsText(request),
    })),
    notSent: Object.entries(binding.operations).flatMap(([operation, bound]) => [
      ...Object.entries(bound.unsupported ?? {}).map(([field, reason]) => ({ operation, field, kind: 'refused (InvalidInputError, nothing sent)', reason })),
      ...Object.entries(bound.local ?? {}).map(([field, reason]) => ({ operation, field, kind: 'kept local (never sent)', reason })),
    ]),
    rules: [
      ...requests.flatMap(([name, request]) => (request.errors ?? []).map((rule) => ruleRow(rule, name))),
      ...(binding.errors ?? []).map((rule) => ruleRow(rule, 'every request')),
    ],
    secretsInUrl: Object.entries(spec.http?.secretsInUrl ?? {}).map(([secret, reason]) => ({ secret: `secrets.${secret}`, reason })),
  };
}

function ruleRow(rule: HttpErrorRule, scope: string) {
  const conditions = [
    ...(rule.when.status ? [`status ${rule.when.status.join(' or ')}`] : []),
    ...(rule.when.body?.in ? [`${refText(rule.when.body.path)} in ${JSON.stringify(rule.when.body.in)}`] : []),
    ...(rule.when.body?.notIn ? [`${refText(rule.when.body.path)} not in ${JSON.stringify(rule.when.body.notIn)}`] : []),
  ];
  return {
    name: rule.name,
    scope,
    when: conditions.join(' and ') || 'any error answer',
    error: rule.error + (rule.input !== undefined ? ` (input ${rule.input})` : ''),
    // RateLimitedError is always retried; another error only when the rule declares a definite rejection.
    retried: rule.error === 'rateLimited' || rule.retryable ? 'yes' : 'no',
    summary: rule.summary,
  };
}

function authText(auth: HttpAuth): string {
  switch (auth.type) {
    case 'none':
      return 'none';
    case 'basic':
      return `Basic (${valueText(auth.username)} : ${valueText(auth.password)})`;
    case 'bearer':
      return `Bearer ${valueText(auth.token)}`;
    default:
      return `${auth.type} ${Object.entries(auth.fields).map(([name, value]) => `${name}=${valueText(value)}`).join(', ')}`;
  }
}

function sendsText(request: HttpRequestBinding): string {
  const part = (label: string, fields: { readonly [name: string]: HttpValue } | undefined) => (fields && Object.keys(fields).length ? [`${label} ${Object.keys(fields).join(', ')}`] : []);
  return [...part('query', request.query), ...part('headers', request.headers), ...part(`${request.body?.encoding ?? ''} body`, request.body?.fields)].join('; ') || 'nothing';
}

function refText(ref: HttpRef): string {
  return ref.ref.join('.');
}

function templateText(parts: readonly HttpTemplatePart[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : `{${refText(part)}}`)).join('');
}

function valueText(value: HttpValue): string {
  if ('ref' in value) return refText(value);
  if ('value' in value) return JSON.stringify(value.value);
  if ('template' in value) return templateText(value.template);
  if ('first' in value) return `first of ${value.first.map(valueText).join(', ')}`;
  return refText(value.from);
}
