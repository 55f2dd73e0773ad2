/**
 * Reads one answer: parse the body, try the error rules in order (the request's own, then the
 * binding's shared ones), then the defaults, then map the output. No made-up values: a required
 * output field that the answer does not give, or a value the binding cannot convert, is an
 * InvalidResponseError naming the output field and where it was looked for.
 *
 * Defaults when no rule matches a non-2xx answer: 401/403 AuthenticationError, 429
 * RateLimitedError (Retry-After honoured), 5xx ProviderError{status} (retried by the kernel for
 * idempotent operations only), anything else ProviderError (not retried). A body that is not
 * JSON: on a 2xx, InvalidResponseError (the provider may have acted); on an error status the rules
 * are tried without a body, so a proxy's HTML 429 is still a rate limit.
 */
import { InvalidResponseError, type IntegrationError, type Issue } from '../client/errors.js';
import { kindOfStatus, parseRetryAfter, providerFailureError, type ProviderFailureKind } from '../client/provider-failure.js';
import type { HttpBinding, HttpErrorRule, HttpJson, HttpOperationBinding, HttpRequestBinding, HttpStatusMatch, HttpValue } from './binding.js';
import { evaluate, refsOf, refText, resolve, ValueProblem, type HttpScope } from './values.js';

/** An answer as the adapter (and the test double) sees it: the body read as text once. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** Where an answer came from, for messages and error fields. */
export interface AnswerContext {
  readonly integration: string;
  readonly operation: string;
  /** The scope the request was built over (its input and config; response values may read them). */
  readonly scope: HttpScope;
}

const NOT_JSON = Symbol('not JSON');

/** The parsed body; undefined when empty; NOT_JSON when it cannot be read as JSON. */
function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** The scope of an answer: the request's input and config, the parsed body and headers; never the secrets. */
export function answerScope(answer: HttpAnswer, requestScope: HttpScope): { scope: HttpScope; parsed: boolean } {
  const body = parseBody(answer.text);
  const parsed = body !== NOT_JSON;
  return { scope: { input: requestScope.input, config: requestScope.config, headers: answer.headers, ...(parsed && { body }) }, parsed };
}

/** The first rule, the request's own before the shared ones, that this answer matches. */
export function matchingRule(binding: HttpBinding, request: HttpRequestBinding, status: number, scope: HttpScope): HttpErrorRule | undefined {
  for (const rule of [...(request.errors ?? []), ...(binding.errors ?? [])]) if (ruleMatches(rule, status, scope)) return rule;
  return undefined;
}

function ruleMatches(rule: HttpErrorRule, status: number, scope: HttpScope): boolean {
  const { when } = rule;
  if (when.status && !when.status.some((match) => statusMatches(match, status))) return false;
  if (when.body) {
    const value = resolve(when.body.path, scope);
    if (value === undefined || value === null) return false;
    if (when.body.in && !when.body.in.some((candidate) => sameValue(candidate, value))) return false;
    if (when.body.notIn && when.body.notIn.some((candidate) => sameValue(candidate, value))) return false;
  }
  return true;
}

export function statusMatches(match: HttpStatusMatch, status: number): boolean {
  if (match === '4xx') return status >= 400 && status <= 499;
  if (match === '5xx') return status >= 500 && status <= 599;
  return match === status;
}

/** A provider's 1 and "1" are one code; anything else compares as JSON. */
export function sameValue(expected: HttpJson, actual: unknown): boolean {
  const scalar = (value: unknown) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  if (scalar(expected) && scalar(actual)) return String(expected) === String(actual);
  return JSON.stringify(expected) === JSON.stringify(actual);
}

/**
 * The error this answer is, or undefined for a success (a 2xx that matches no rule). Throws the
 * InvalidResponseError of an unreadable 2xx body itself.
 */
export function answerError(binding: HttpBinding, request: HttpRequestBinding, answer: HttpAnswer, context: AnswerContext): IntegrationError | undefined {
  const { scope, parsed } = answerScope(answer, context.scope);
  const success = answer.status >= 200 && answer.status <= 299;
  const rule = matchingRule(binding, request, answer.status, scope);
  if (rule) return ruleError(binding, rule, answer, scope, context);
  if (success) {
    if (!parsed) {
      return new InvalidResponseError([{ path: '(body)', message: 'is not JSON' }], { integration: context.integration, operation: context.operation, status: answer.status });
    }
    return undefined;
  }
  return defaultError(binding, answer, scope, context);
}

function ruleError(binding: HttpBinding, rule: HttpErrorRule, answer: HttpAnswer, scope: HttpScope, context: AnswerContext): IntegrationError {
  const { status } = answer;
  const providerCode = readCode(rule.code, scope);
  const providerMessage = readText(rule.message, scope);
  const docsUrl = readText(rule.docsUrl, scope);
  const explanation = `${rule.summary}${providerMessage ? `: ${providerMessage}` : ''}`;
  const codeText = providerCode !== undefined ? `, code ${providerCode}` : '';
  const docs = docsUrl ? ` (${docsUrl})` : '';
  return failure(binding, answer, context, rule.error, `HTTP ${status}${codeText} (${rule.name}): ${explanation}${docs}${requestIdText(binding, scope)}`, {
    ...(providerCode !== undefined && { providerCode }),
    ...(docsUrl !== undefined && { docsUrl }),
    ...(rule.error === 'invalidInput' && rule.input !== undefined && { issue: { path: rule.input, message: `${explanation} (HTTP ${status}${codeText}, rule ${rule.name})${docs}` } }),
    ...(rule.retryable === true && { retryable: true }),
  });
}

/** No rule matched a non-2xx answer: the status decides. */
function defaultError(binding: HttpBinding, answer: HttpAnswer, scope: HttpScope, context: AnswerContext): IntegrationError {
  const { status } = answer;
  const kind = kindOfStatus(status);
  const text =
    kind === 'authentication'
      ? 'the provider rejected the credentials'
      : kind === 'rateLimited'
        ? "the provider's rate limit was exceeded"
        : status >= 500
          ? 'the provider failed'
          : 'the provider refused the request';
  return failure(binding, answer, context, kind, `HTTP ${status}: ${text}${requestIdText(binding, scope)}`, {});
}

function failure(
  binding: HttpBinding,
  answer: HttpAnswer,
  context: AnswerContext,
  kind: ProviderFailureKind,
  text: string,
  details: { providerCode?: number | string; docsUrl?: string; issue?: Issue; retryable?: boolean },
): IntegrationError {
  const retryAfterMs = kind === 'rateLimited' && binding.retryAfter ? parseRetryAfter(answer.headers.get(binding.retryAfter.header)) : undefined;
  return providerFailureError({
    kind,
    integration: context.integration,
    status: answer.status,
    message: `${context.integration} ${context.operation}: ${text}`,
    ...details,
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  });
}

/** `; request id X`, when the binding says where the provider puts it and the answer has one. */
function requestIdText(binding: HttpBinding, scope: HttpScope): string {
  const id = binding.requestId ? resolve(binding.requestId, scope) : undefined;
  return typeof id === 'string' || typeof id === 'number' ? `; request id ${id}` : '';
}

/** The provider's request id of an answer, when the binding says where it is. */
export function requestIdOf(binding: HttpBinding, answer: HttpAnswer, requestScope: HttpScope): string | undefined {
  if (!binding.requestId) return undefined;
  const id = resolve(binding.requestId, answerScope(answer, requestScope).scope);
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/** An error field read from the answer; a value that cannot be read leaves the field out rather than failing the error. */
function readValue(value: HttpValue | undefined, scope: HttpScope): unknown {
  if (!value) return undefined;
  try {
    return evaluate(value, scope);
  } catch (error) {
    if (error instanceof ValueProblem) return undefined;
    throw error;
  }
}

function readCode(value: HttpValue | undefined, scope: HttpScope): number | string | undefined {
  const code = readValue(value, scope);
  return typeof code === 'number' || (typeof code === 'string' && code !== '') ? code : undefined;
}

function readText(value: HttpValue | undefined, scope: HttpScope): string | undefined {
  const text = readValue(value, scope);
  return typeof text === 'string' && text !== '' ? text : typeof text === 'number' ? String(text) : undefined;
}

/** The operation output of a successful answer. */
export function mapOutput(operation: HttpOperationBinding, answer: HttpAnswer, context: AnswerContext): Record<string, unknown> {
  const { scope } = answerScope(answer, context.scope);
  const output: Record<string, unknown> = {};
  const issues: Issue[] = [];
  const required = new Set(operation.response.required);
  for (const [field, value] of Object.entries(operation.response.output)) {
    try {
      const result = evaluate(value, scope);
      if (result !== undefined) output[field] = result;
      else if (required.has(field)) issues.push({ path: field, message: `is missing from the response (${refsOf(value).map(refText).join(', ') || 'no value'})` });
    } catch (error) {
      if (!(error instanceof ValueProblem)) throw error;
      issues.push({ path: field, message: error.message });
    }
  }
  for (const field of required) if (!Object.hasOwn(operation.response.output, field)) issues.push({ path: field, message: 'is not mapped by the binding' });
  if (issues.length > 0) throw new InvalidResponseError(issues, { integration: context.integration, operation: context.operation, status: answer.status });
  return output;
}
