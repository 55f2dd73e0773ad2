/**
 * Every diagnostic code contractgen reports, once: its severity and what it means. The README's
 * "Diagnostic codes" table is this list (test/diagnostic-codes.test.ts compares them), and a
 * diagnostic can only be made with a code from it (`DiagnosticCode`). Adding a code is adding an
 * entry here (and the README row the test then asks for).
 *
 * Ranges: CG10x input files and loading, CG11x-CG12x the rules of one spec, CG13x rules across
 * specs, CG14x adapters, CG15x spec packages, CG16x the config, CG17x `contractgen new`, CG18x-CG19x
 * an `http` binding (its own rules, then against the capabilities), CG2xx templates, CG3xx the output folder.
 */

export type Severity = 'error' | 'warning';

interface CodeEntry {
  /** The severity a diagnostic of this code has; `error or warning` when it depends on the finding (the meaning says when). */
  readonly severity: Severity | 'error or warning';
  /** What it means, as the README's table says it (Markdown). */
  readonly meaning: string;
}

export const DIAGNOSTIC_CODES = {
  CG100: { severity: 'error', meaning: 'syntax error / unreadable spec file, or a file that is not UTF-8 (at its first bad byte)' },
  CG101: { severity: 'error', meaning: 'a value that is not static (function call, computed key, `let`, unresolved name or import, ...)' },
  CG102: { severity: 'warning', meaning: 'a define call that is not exported (not generated)' },
  CG103: {
    severity: 'error',
    meaning: 'the specs (or adapters) folder cannot be read (a folder named by `--specs` or the config must exist); the hint names the folder taken as the project and why (see [Config file](#config-file))',
  },
  CG104: {
    severity: 'error',
    meaning: 'an input file refused, never opened: a symlink whose real target leaves its folder or the project (spec and adapter folders, imports), or a FIFO, socket or device',
  },
  CG105: {
    severity: 'error',
    meaning:
      'nested too deeply: more than 128 brackets open in a source file, or more than 64 levels of objects and arrays in a spec value (256 levels of expressions, counting constants that refer to constants); or an example too large to check quickly (an array of more than 1,000 items, or more than 10,000 values)',
  },
  CG106: { severity: 'error', meaning: 'a number that is not finite (`1e400` is Infinity)' },
  CG107: { severity: 'error', meaning: 'a define call the loader does not read (`module.exports = defineIntegration(...)`, one inside an array or a function)' },
  CG108: { severity: 'error', meaning: 'no spec found (nothing is removed; `allowEmpty: true` in the config allows it)' },
  CG109: { severity: 'error', meaning: 'a spec file could not be processed: the worker thread handling it died twice (named, not a crashed run)' },
  CG110: { severity: 'error', meaning: 'missing required field' },
  CG111: { severity: 'error', meaning: 'wrong type' },
  CG112: { severity: 'error', meaning: 'unknown field (with "did you mean")' },
  CG113: { severity: 'error', meaning: 'value not allowed (category, stability, mode, health method)' },
  CG114: { severity: 'error', meaning: 'invalid key (keys become folder and identifier names) or member name' },
  CG115: { severity: 'error', meaning: 'not a semantic version' },
  CG116: { severity: 'error', meaning: 'timeout or quota not positive; rate limit not a whole number >= 1 (the rule the client applies too)' },
  CG117: { severity: 'error', meaning: 'URL not https (an `http` base URL also: fixed, without placeholders, query or fragment)' },
  CG118: { severity: 'error', meaning: 'modes: empty, duplicated, or `byok` without `byokSetup`' },
  CG119: { severity: 'error', meaning: 'capability with no operation or event' },
  CG120: {
    severity: 'error',
    meaning:
      'invalid JSON Schema (also: a `$ref` that leads back to itself without descending into the value, or with an empty segment such as `#/`; a key named `hasOwnProperty`; an `enum`/`const` object ajv cannot compare)',
  },
  CG121: { severity: 'error', meaning: 'example does not match its schema' },
  CG122: { severity: 'error', meaning: 'secret value not a string' },
  CG123: { severity: 'warning', meaning: 'secret example looks like a real credential' },
  CG124: { severity: 'error', meaning: 'non-local `$ref` (only `#/...`; the generator never fetches)' },
  CG125: {
    severity: 'error or warning',
    meaning:
      'a `pattern` (or `patternProperties` key) that backtracks catastrophically: a string built to blow it up, or the spec\'s example, takes more than 300 ms to match (error); safe-regex2 finds nested quantifiers but no string tried made it slow (warning) (see [Reliability](#reliability), Patterns)',
  },
  CG126: {
    severity: 'warning',
    meaning: 'a schema `format` that ajv (with ajv-formats) does not know: the generated validators do not check it, so any value passes',
  },
  CG130: { severity: 'error', meaning: 'duplicate key (same or different version)' },
  CG131: { severity: 'error', meaning: 'unknown capability' },
  CG132: { severity: 'error', meaning: 'incompatible capability version' },
  CG133: { severity: 'error', meaning: 'two keys map to the same identifier' },
  CG134: { severity: 'error', meaning: 'two provided capabilities define the same operation/event name' },
  CG135: { severity: 'warning', meaning: 'integration provides no capability' },
  CG140: { severity: 'error', meaning: 'an adapter declaration the loader cannot read: `defineAdapter` (or `definePartialAdapter`) needs an object literal whose `integration` is a string literal' },
  CG141: { severity: 'error', meaning: 'a second adapter declares the same integration' },
  CG142: {
    severity: 'warning',
    meaning: 'an adapter declares an integration no spec declares, passed or failed (an adapter whose own spec failed gets that spec\'s error only); not reported while a failed spec\'s key cannot be read at all (an unreadable file, a key that is not a literal): it may be the one the adapter names',
  },
  CG143: { severity: 'error', meaning: 'a partial adapter (`definePartialAdapter`) for an integration whose spec has no `http` section: nothing would serve what it leaves out' },
  CG150: { severity: 'error', meaning: 'a spec package named in `packages` is not installed, or its `contractgen` field is wrong' },
  CG160: { severity: 'error', meaning: 'the config file cannot be read or has an unknown or wrong option (exit 2)' },
  CG170: { severity: 'error', meaning: '`new`: `--category` or `--capability` missing, and no terminal to ask on (exit 2)' },
  CG171: { severity: 'error', meaning: '`new`: not a valid integration key' },
  CG172: { severity: 'error', meaning: '`new`: unknown category or capability, or a capability version its spec does not have' },
  CG173: { severity: 'error', meaning: '`new`: the key is taken, or a file it would write exists (nothing is written)' },
  CG180: { severity: 'error', meaning: '`http` in an integration that provides no capability, or an operation the provided capabilities do not define' },
  CG181: {
    severity: 'error',
    meaning:
      'not a reference that can be read where it is written: an unknown root, a root the place does not read (a request reads `input`, `config`, `secrets`; a response `body`, `header`, `input`, `config`; `when.body.path` and `requestId` `body` or `header`; the health probe has no input), no field named, a `header.*` that is not one lower-case name, an empty segment, or a template placeholder not closed',
  },
  CG182: { severity: 'error', meaning: "an input field the operation's input schema does not declare (a reference or placeholder, an error rule's `input`, `unsupported`, `local`)" },
  CG183: { severity: 'error', meaning: 'a config field `configSchema` does not declare' },
  CG184: { severity: 'error', meaning: 'a secret field `secretSchema` does not declare (a reference, or a `secretsInUrl` entry)' },
  CG185: { severity: 'error', meaning: '`secrets.*` in a response mapping (output, error rule code, message or docsUrl, health status or detail)' },
  CG186: { severity: 'error', meaning: "a secret in a URL (path, query, `auth.type: 'query'`) without `http.secretsInUrl[field]` saying why the provider needs it there" },
  CG187: { severity: 'warning', meaning: 'a `secretsInUrl` entry for a secret no URL of the binding holds' },
  CG188: { severity: 'error', meaning: "an output field the operation's output schema requires that the response mapping never fills" },
  CG189: { severity: 'error', meaning: "an output field the operation's output schema does not declare" },
  CG190: { severity: 'error', meaning: "a constant or map value the output field's schema refuses (a status the capability does not know); a health status other than ok, degraded, down" },
  CG191: { severity: 'error', meaning: 'unmapped provider status: a map value that is null where the field refuses null' },
  CG192: { severity: 'error', meaning: "an `as` conversion (or a template, which gives a string) whose type the output field does not accept" },
  CG193: { severity: 'warning', meaning: 'an operation of the provided capabilities (or the health probe) that the binding leaves unbound and no hand-written adapter serves: the client requires an adapter for it' },
  CG194: { severity: 'error', meaning: "an error rule `error: 'invalidInput'` without `input` (the field the provider blames)" },
  CG195: { severity: 'error', meaning: 'two error rules of one binding with the same name' },
  CG196: {
    severity: 'error',
    meaning:
      "a non-idempotent operation retried on an ambiguous failure: `retryable: true` (or `error: 'rateLimited'`, always retried) on a rule that can match a 5xx or 408 (or any status) of an operation that is not idempotent, without a body condition (a definite rejection code)",
  },
  CG197: { severity: 'warning', meaning: 'an input field the binding neither sends nor declares `unsupported` or `local`: dropped silently' },
  CG198: { severity: 'error', meaning: 'a request path that does not start with "/" (it is appended to the base URL, whose host it would change) or that holds "?" or "#" (the query is built from `query`)' },
  CG199: { severity: 'error', meaning: 'an error rule that matches every successful answer: no body condition, and no status or a 2xx one' },
  CG201: {
    severity: 'error',
    meaning: 'a template failed to load or render (file and line of the template); an override that is a symlink out of its folder, or a special file, is refused',
  },
  CG300: { severity: 'error', meaning: '`check`: drifted, missing or stale generated file' },
  CG301: { severity: 'error', meaning: 'would overwrite a file contractgen did not generate' },
  CG302: { severity: 'warning', meaning: 'unreadable manifest ignored (nothing is deleted that run)' },
  CG303: { severity: 'error', meaning: 'interrupted (SIGINT/SIGTERM): nothing was written' },
  CG304: { severity: 'error', meaning: 'a killed run left the output part old, part new, or left staged files (`check`; `generate` recovers)' },
  CG305: { severity: 'error', meaning: 'the output folder is locked by another run (its pid, host and start time)' },
  CG306: { severity: 'error', meaning: 'an input file changed while the run read it: nothing was written, run again' },
  CG307: {
    severity: 'error',
    meaning:
      'a path the writer would touch leaves the output folder or goes through a symbolic link (a journal step or manifest entry, at its line; or the symlink, the run folder or the output folder itself): nothing was touched (`generate` and `check`)',
  },
} as const satisfies Record<`CG${number}`, CodeEntry>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

