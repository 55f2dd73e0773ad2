/**
 * The real specs the mutation fuzzer edits, and the companions a fuzz project keeps beside the
 * spec under test: the Twilio package's specs and test/fixtures' (the rich pair and the broken corpus).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, TWILIO_SPECS } from '../support/workspace.js';

export interface Seed {
  readonly name: string;
  /** Where the mutated text is written in the fuzz project: over a companion of the same key, or as an extra spec. */
  readonly path: string;
  readonly text: string;
}

/** The fuzz project's unchanging specs: every capability an integration seed may provide. */
export const COMPANIONS: Readonly<Record<string, string>> = {
  'specs/capabilities/sms-outbound.ts': join(TWILIO_SPECS, 'capabilities/sms-outbound.ts'),
  'specs/capabilities/messaging-inbound.ts': join(TWILIO_SPECS, 'capabilities/messaging-inbound.ts'),
  'specs/capabilities/messaging-outbound.ts': join(TWILIO_SPECS, 'capabilities/messaging-outbound.ts'),
  'specs/capabilities/mail-outbound.ts': join(REPO, 'test/fixtures/rich/specs/capability.ts'),
};

/** Where an integration seed is written: an extra spec beside the companions. */
export const TARGET_PATH = 'specs/integrations/target.ts';

export function loadSeeds(): Seed[] {
  const read = (file: string) => readFileSync(file, 'utf8');
  const seeds: Seed[] = Object.entries(COMPANIONS).map(([path, file]) => ({ name: path, path, text: read(file) }));
  for (const name of ['twilio-sms.ts', 'messaging-whatsapp-twilio.ts']) seeds.push({ name, path: TARGET_PATH, text: read(join(TWILIO_SPECS, 'integrations', name)) });
  seeds.push({ name: 'rich/integration.ts', path: TARGET_PATH, text: read(join(REPO, 'test/fixtures/rich/specs/integration.ts')) });
  const broken = join(REPO, 'test/fixtures/broken');
  for (const folder of readdirSync(broken, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const file = readdirSync(join(broken, folder.name)).find((f) => /^integration.*\.ts$/.test(f));
    if (file) seeds.push({ name: `broken/${folder.name}/${file}`, path: TARGET_PATH, text: read(join(broken, folder.name, file)) });
  }
  return seeds;
}
