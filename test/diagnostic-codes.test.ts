/**
 * The README's "Diagnostic codes" table is the list in generator/diagnostics/codes.ts, row for row:
 * every code with its severity and meaning, nothing more, nothing less.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../generator/diagnostics/codes.js';
import { REPO } from './support/workspace.js';

/** The table as README.md must show it. */
function expectedTable(): string {
  const rows = Object.entries(DIAGNOSTIC_CODES).map(([code, { severity, meaning }]) => `| ${code} | ${severity} | ${meaning} |`);
  return ['| Code | Severity | Meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

describe('diagnostic codes', () => {
  it("the README's table is exactly the codes defined in generator/diagnostics/codes.ts", () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const lines = readme.slice(readme.indexOf('### Diagnostic codes')).split('\n');
    const header = lines.findIndex((line) => line.startsWith('| Code'));
    const end = lines.findIndex((line, i) => i > header && !line.startsWith('|'));
    expect(lines.slice(header, end).join('\n')).toBe(expectedTable());
  });

  it('codes are in ascending order, so the table reads in order', () => {
    const codes = Object.keys(DIAGNOSTIC_CODES);
    expect(codes).toEqual([...codes].sort());
  });
});
