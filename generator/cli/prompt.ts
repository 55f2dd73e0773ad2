/** Interactive questions for `contractgen new`, asked only when a terminal is attached and a flag is missing. */
import { createInterface } from 'node:readline/promises';
import { INTEGRATION_CATEGORIES } from '../spec-rules/model-schema.js';

export interface NewAnswers {
  readonly category?: string;
  readonly capability?: readonly string[];
}

export async function askMissing(given: NewAnswers): Promise<NewAnswers> {
  const missing = given.category === undefined || !given.capability?.length;
  if (!missing || !process.stdin.isTTY || !process.stderr.isTTY) return given;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    // No answer is no category (reported as missing), not a category named "".
    const category = given.category ?? ((await rl.question(`category (${INTEGRATION_CATEGORIES.join(', ')}): `)).trim() || undefined);
    const capability = given.capability?.length
      ? given.capability
      : (await rl.question('capabilities it provides (KEY[@VERSION], comma-separated): ')).split(',').map((c) => c.trim()).filter(Boolean);
    return { category, capability };
  } finally {
    rl.close();
  }
}
