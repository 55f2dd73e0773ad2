/**
 * Edits of an incremental-run project, as a user (or a branch switch) makes them between two runs:
 * spec files written, emptied, broken, made non-static, renamed, deleted, turned from one kind into
 * the other; the constants module they import changed or moved; adapters added, changed and
 * removed; config and template override edits; generated files edited by hand; a file touched
 * without a change. Each edit is plain data, so a failing sequence prints and replays.
 */
import fc from 'fast-check';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GenerateMode } from '../../generator/index.js';
import {
  adapterSource,
  CAPABILITY_KEYS,
  configSource,
  INTEGRATION_KEYS,
  limitsSource,
  OPERATIONS,
  specSource,
  templateSource,
  TITLES,
  VERSIONS,
  type AdapterContent,
  type Config,
  type Limits,
  type SpecContent,
  type TemplateContent,
} from './sources.js';

/** The spec files edits write to (project-relative); the project starts with some of them. */
export const SPEC_SLOTS = ['specs/capabilities/send.ts', 'specs/capabilities/track.ts', 'specs/integrations/alpha.ts', 'specs/integrations/beta.ts', 'specs/integrations/gamma.ts', 'specs/other/extra.ts'] as const;
type SpecSlot = (typeof SPEC_SLOTS)[number];

/**
 * Where the constants module is: `../shared/limits` resolves to `limits.ts` before
 * `limits/index.ts`, so writing `limits.ts` beside an existing `limits/index.ts` changes what an
 * unchanged spec imports.
 */
export type LimitsPlace = 'file' | 'index' | 'both';

export type Edit =
  | { readonly op: 'write'; readonly slot: SpecSlot; readonly content: SpecContent }
  | { readonly op: 'rename'; readonly from: SpecSlot; readonly to: SpecSlot }
  | { readonly op: 'delete'; readonly slot: SpecSlot }
  | { readonly op: 'limits'; readonly limits: Limits }
  | { readonly op: 'move limits'; readonly place: LimitsPlace }
  | { readonly op: 'adapter'; readonly content: AdapterContent | null }
  | { readonly op: 'config'; readonly config: Config }
  | { readonly op: 'template'; readonly content: TemplateContent | null }
  /** By hand in the output folder: a generated file changed or deleted, or a file of one's own added. */
  | { readonly op: 'output'; readonly change: 'edit' | 'delete' | 'add'; readonly pick: number }
  /** The same bytes written again: a new mtime and ctime. */
  | { readonly op: 'touch'; readonly slot: SpecSlot };

/** One step: an edit, then a run in this mode. */
export interface Step {
  readonly edit: Edit;
  readonly mode: GenerateMode;
}

/** The project every sequence starts from. */
export const INITIAL: readonly Edit[] = [
  { op: 'config', config: { docs: true, docsOut: false, templates: false, allowEmpty: false } },
  { op: 'limits', limits: { rpm: 60, owner: 'platform.messaging' } },
  { op: 'write', slot: 'specs/capabilities/send.ts', content: { kind: 'capability', key: 'msg.send', version: '1.0.0', operation: 'send' } },
  { op: 'write', slot: 'specs/capabilities/track.ts', content: { kind: 'capability', key: 'msg.track', version: '1.0.0', operation: 'deliver' } },
  { op: 'write', slot: 'specs/integrations/alpha.ts', content: { kind: 'integration', key: 'sms.alpha', title: 'Alpha', provides: 'msg.send', version: '1.0.0', importsLimits: true, liveLookingSecret: false } },
  { op: 'write', slot: 'specs/integrations/beta.ts', content: { kind: 'integration', key: 'sms.beta', title: 'Beta', provides: 'msg.track', version: '1.0.0', importsLimits: false, liveLookingSecret: true } },
  { op: 'write', slot: 'specs/integrations/gamma.ts', content: { kind: 'empty' } },
  { op: 'adapter', content: { kind: 'binds', key: 'sms.alpha' } },
];

const slot = fc.constantFrom(...SPEC_SLOTS);
const integration = fc.record({
  kind: fc.constant('integration' as const),
  key: fc.constantFrom(...INTEGRATION_KEYS),
  title: fc.constantFrom(...TITLES),
  provides: fc.constantFrom(...CAPABILITY_KEYS),
  version: fc.constantFrom('1.0.0', '1.0.0', '1.0.0', ...VERSIONS),
  importsLimits: fc.boolean(),
  liveLookingSecret: fc.boolean(),
});
const capability = fc.record({ kind: fc.constant('capability' as const), key: fc.constantFrom(...CAPABILITY_KEYS), version: fc.constantFrom(...VERSIONS), operation: fc.constantFrom(...OPERATIONS) });
const specContent: fc.Arbitrary<SpecContent> = fc.oneof(
  { arbitrary: integration, weight: 4 },
  { arbitrary: capability, weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('both' as const), key: fc.constantFrom(...INTEGRATION_KEYS), capability: fc.constantFrom(...CAPABILITY_KEYS) }), weight: 1 },
  { arbitrary: fc.constantFrom<SpecContent>({ kind: 'empty' }, { kind: 'not a spec' }), weight: 3 },
  { arbitrary: fc.constantFrom<SpecContent>({ kind: 'broken' }, { kind: 'not static' }), weight: 1 },
);

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('write' as const), slot, content: specContent }), weight: 8 },
  { arbitrary: fc.record({ op: fc.constant('rename' as const), from: slot, to: slot }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('delete' as const), slot }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('limits' as const), limits: fc.record({ rpm: fc.constantFrom(60, 600), owner: fc.constantFrom('platform.messaging', 'team.sms') }) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('move limits' as const), place: fc.constantFrom<LimitsPlace>('file', 'index', 'both') }), weight: 3 },
  {
    arbitrary: fc.record({
      op: fc.constant('adapter' as const),
      content: fc.option(fc.oneof({ arbitrary: fc.record({ kind: fc.constant('binds' as const), key: fc.constantFrom(...INTEGRATION_KEYS) }), weight: 3 }, { arbitrary: fc.constant<AdapterContent>({ kind: 'no key' }), weight: 1 })),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('config' as const), config: fc.record({ docs: fc.boolean(), docsOut: fc.boolean(), templates: fc.boolean(), allowEmpty: fc.boolean() }) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('template' as const), content: fc.option(fc.oneof(fc.record({ kind: fc.constant('heading' as const), heading: fc.constantFrom('Catalog', 'Providers') }), fc.constant<TemplateContent>({ kind: 'broken' }))) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('output' as const), change: fc.constantFrom('edit' as const, 'delete' as const, 'add' as const), pick: fc.nat(1000) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('touch' as const), slot }), weight: 1 },
);

/** Mostly runs that write; now and then a drift check or a validation. */
export const step: fc.Arbitrary<Step> = fc.record({ edit, mode: fc.constantFrom<GenerateMode>('write', 'write', 'write', 'check', 'validate') });

const LIMITS_FILE = 'specs/shared/limits.ts';
const LIMITS_INDEX = 'specs/shared/limits/index.ts';
const ADAPTER = 'adapters/alpha.ts';
const TEMPLATE = 'templates/docs/catalog.md.hbs';

/** Applies `edit` to the project at `root`. */
export function applyEdit(root: string, edit: Edit): void {
  const at = (path: string) => join(root, path);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(at(path)), { recursive: true });
    writeFileSync(at(path), text);
  };
  const remove = (path: string) => rmSync(at(path), { force: true });
  switch (edit.op) {
    case 'write':
      return write(edit.slot, specSource(edit.content));
    case 'rename':
      if (edit.from === edit.to || !existsSync(at(edit.from))) return;
      mkdirSync(dirname(at(edit.to)), { recursive: true });
      return renameSync(at(edit.from), at(edit.to));
    case 'delete':
      return remove(edit.slot);
    case 'limits': {
      // Wherever the module is now (both places when both exist), and in limits.ts when it is nowhere yet.
      const places = [LIMITS_FILE, LIMITS_INDEX].filter((path) => existsSync(at(path)));
      for (const path of places.length > 0 ? places : [LIMITS_FILE]) write(path, limitsSource(edit.limits));
      return;
    }
    case 'move limits': {
      const current = [LIMITS_FILE, LIMITS_INDEX].find((path) => existsSync(at(path)));
      const text = current ? readFileSync(at(current), 'utf8') : limitsSource({ rpm: 60, owner: 'platform.messaging' });
      // In the other place, a different value: which file a spec imports shows in its output.
      const shadow = text.replace(/rpm: (\d+)/, (_m, rpm: string) => `rpm: ${Number(rpm) + 1}`);
      if (edit.place === 'file') {
        remove(LIMITS_INDEX);
        write(LIMITS_FILE, text);
      } else if (edit.place === 'index') {
        remove(LIMITS_FILE);
        write(LIMITS_INDEX, text);
      } else {
        if (!existsSync(at(LIMITS_INDEX))) write(LIMITS_INDEX, text);
        if (!existsSync(at(LIMITS_FILE))) write(LIMITS_FILE, shadow);
      }
      return;
    }
    case 'adapter':
      return edit.content ? write(ADAPTER, adapterSource(edit.content)) : remove(ADAPTER);
    case 'config':
      return write('contractgen.config.json', configSource(edit.config));
    case 'template':
      return edit.content ? write(TEMPLATE, templateSource(edit.content)) : remove(TEMPLATE);
    case 'output': {
      const out = at('generated');
      const files = existsSync(out) ? readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|md)$/.test(f)).sort() : [];
      if (edit.change === 'add' || files.length === 0) return write('generated/NOTES.md', 'Kept by hand.\n');
      const file = join(out, files[edit.pick % files.length]!);
      if (edit.change === 'delete') rmSync(file);
      else writeFileSync(file, `${readFileSync(file, 'utf8')}// edited by hand\n`);
      return;
    }
    case 'touch': {
      if (!existsSync(at(edit.slot))) return;
      writeFileSync(at(edit.slot), readFileSync(at(edit.slot)));
      const later = new Date(Date.now() + 2_000);
      utimesSync(at(edit.slot), later, later);
      return;
    }
  }
}

/** A step as one line, for a failure report. */
export function describeStep(step: Step): string {
  return `${step.mode} after ${JSON.stringify(step.edit)}`;
}
