import { noColors } from '../report/format.js';
/** ANSI colours only for a terminal, and never when NO_COLOR is set (no-color.org); FORCE_COLOR forces them. */
export function colorsFor(stream, env = process.env) {
    const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
    const enabled = forced || (stream.isTTY === true && !('NO_COLOR' in env && env.NO_COLOR !== '') && env.TERM !== 'dumb');
    if (!enabled)
        return noColors;
    const wrap = (open, close) => (s) => `\u001b[${open}m${s}\u001b[${close}m`;
    return { red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), dim: wrap(2, 22) };
}
//# sourceMappingURL=colors.js.map