import type { Colors } from '../report/format.js';
/** ANSI colours only for a terminal, and never when NO_COLOR is set (no-color.org); FORCE_COLOR forces them. */
export declare function colorsFor(stream: NodeJS.WriteStream, env?: NodeJS.ProcessEnv): Colors;
//# sourceMappingURL=colors.d.ts.map