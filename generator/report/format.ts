/**
 * Human format, like the TypeScript compiler's:
 *   specs/integrations/twilio-sms.ts:42:7 - error CG121: configSchema.example.fromNumber must match pattern "..."
 * then a code frame and a hint. Paths are shown relative to the project root with `/` separators.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import { displayPath } from '../fs/display-path.js';

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
}

export const noColors: Colors = { red: (s) => s, yellow: (s) => s, cyan: (s) => s, dim: (s) => s };

/**
 * Text from input (source lines, spec strings quoted in messages, file names) as a terminal shows
 * it safely: control characters (an ESC starts a terminal command), line separators and bidirectional controls
 * become visible `\uXXXX`, tabs two spaces; line feeds stay (a message may span lines).
 */
export function terminalText(text: string): string {
  return text.replace(/\t/g, '  ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


export function formatDiagnostic(
  diagnostic: Diagnostic,
  options: { root: string; sourceText?: (file: string) => string | undefined; colors?: Colors },
): string {
  const colors = options.colors ?? noColors;
  const severity = diagnostic.severity === 'error' ? colors.red('error') : colors.yellow('warning');
  const where = diagnostic.file
    ? `${colors.cyan(terminalText(displayPath(diagnostic.file, options.root)))}${diagnostic.line ? `:${diagnostic.line}:${diagnostic.column ?? 1}` : ''} - `
    : '';
  const lines = [`${where}${severity} ${colors.dim(diagnostic.code + ':')} ${terminalText(diagnostic.message)}`];
  const text = diagnostic.file && diagnostic.line ? options.sourceText?.(diagnostic.file) : undefined;
  if (text !== undefined && diagnostic.line) lines.push('', ...codeFrame(text, diagnostic.line, diagnostic.column ?? 1, colors));
  if (diagnostic.hint) lines.push(`  ${colors.dim('hint:')} ${terminalText(diagnostic.hint)}`);
  return lines.join('\n');
}

/** How much of a source line a frame shows around the column: a spec may hold a 10 MB string on one line. */
export const FRAME_WIDTH = 200;

/**
 * The offending line with one line of context either side and a caret under the column. A long
 * line shows a window of FRAME_WIDTH characters around the column (the same columns on each line of
 * the frame, so they stay aligned), with `…` where it was cut.
 */
function codeFrame(text: string, line: number, column: number, colors: Colors): string[] {
  // The line breaks TypeScript counts (U+2028 and a lone CR too), so frame lines agree with diagnostic lines.
  const all = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  const first = Math.max(1, line - 1);
  const last = Math.min(all.length, line + 1);
  const width = String(last).length;
  const from = Math.max(0, column - 1 - FRAME_WIDTH / 2);
  const to = from + FRAME_WIDTH;
  const window = (source: string) => `${from > 0 ? '…' : ''}${terminalText(source.slice(from, to))}${source.length > to ? '…' : ''}`;
  const frame: string[] = [];
  for (let n = first; n <= last; n++) {
    const source = all[n - 1] ?? '';
    frame.push(`${colors.dim(String(n).padStart(width) + ' |')} ${window(source)}`);
    // The caret sits under the column as displayed: after tabs and escapes widened the text before it.
    if (n === line) frame.push(`${' '.repeat(width)} ${colors.dim('|')} ${' '.repeat((from > 0 ? 1 : 0) + terminalText(source.slice(from, Math.max(from, column - 1))).length)}${colors.red('^')}`);
  }
  return frame;
}
