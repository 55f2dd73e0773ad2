/**
 * README.md's fenced code blocks, section by section, as the tests that run the README read them:
 * a block's info string is its language and attributes (```` ```ts title="src/main.ts" ````, the
 * convention of Docusaurus and Starlight; GitHub renders such a block as usual).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './workspace.js';

export interface CodeBlock {
  /** The first word of the info string: `sh`, `ts`, `jsonc`... */
  readonly lang: string;
  /** The `title="..."` attribute: the path of the file the block is. */
  readonly title?: string;
  readonly code: string;
  /** 1-based line of the opening fence in README.md. */
  readonly line: number;
}

/** The blocks of the README section under `heading` (a `## ` heading), up to the next `## ` heading, in order. */
export function readmeSection(heading: string): CodeBlock[] {
  const lines = readFileSync(join(REPO, 'README.md'), 'utf8').split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`README.md has no "## ${heading}" section`);
  const blocks: CodeBlock[] = [];
  for (let i = start + 1; i < lines.length && !lines[i]!.startsWith('## '); i++) {
    const fence = /^```(\S*)(.*)$/.exec(lines[i]!);
    if (!fence) continue;
    const opening = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    if (i === lines.length) throw new Error(`README.md:${opening + 1}: the code block is never closed`);
    const title = /\btitle="([^"]+)"/.exec(fence[2]!)?.[1];
    blocks.push({ lang: fence[1]!, ...(title !== undefined && { title }), code: `${body.join('\n')}\n`, line: opening + 1 });
  }
  return blocks;
}
