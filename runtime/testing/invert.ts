/**
 * A binding read backwards, for the test double: what operation input a request on the wire
 * came from (the request mapping inverted), and what answer body gives a wanted output (the output
 * mapping inverted). Only references can be inverted; constants, config and secrets give nothing
 * back, and a `first` is inverted into its first alternative that can be.
 */
import type { HttpJson, HttpRef, HttpValue } from '../http/binding.js';

type Tree = Record<string, unknown>;

/** Sets `value` at `path` below `target`, creating objects (arrays for numeric segments) on the way. */
export function setPath(target: Tree, path: readonly (string | number)[], value: unknown): void {
  let current: Tree = target;
  path.forEach((segment, i) => {
    const key = String(segment);
    if (i === path.length - 1) {
      current[key] = value;
      return;
    }
    if (typeof current[key] !== 'object' || current[key] === null) current[key] = typeof path[i + 1] === 'number' ? [] : {};
    current = current[key] as Tree;
  });
}

/** The key a map gives `value` for (the first, when several do). */
function inverseMap(map: { readonly [key: string]: HttpJson }, value: unknown): string | undefined {
  return Object.keys(map).find((key) => JSON.stringify(map[key]) === JSON.stringify(value));
}

/** The literal text around a template's single reference, when it has exactly one. */
function templateShape(parts: readonly (string | HttpRef)[]): { prefix: string; ref: HttpRef; suffix: string } | undefined {
  const refs = parts.filter((part): part is HttpRef => typeof part !== 'string');
  if (refs.length !== 1) return undefined;
  const at = parts.indexOf(refs[0]!);
  const text = (list: readonly (string | HttpRef)[]) => list.map((part) => part as string).join('');
  return { prefix: text(parts.slice(0, at)), ref: refs[0]!, suffix: text(parts.slice(at + 1)) };
}

/**
 * Writes the source of `value` given what it evaluated to: `write(ref, raw)` receives each
 * reference and the raw value it must hold. Returns false when nothing could be written.
 */
export function invert(value: HttpValue, result: unknown, write: (ref: HttpRef, raw: unknown) => boolean): boolean {
  if ('ref' in value) return write(value, result);
  if ('value' in value) return false;
  if ('first' in value) return value.first.some((alternative) => invert(alternative, result, write));
  if ('template' in value) {
    const shape = templateShape(value.template);
    if (!shape || typeof result !== 'string') return false;
    const inner = result.startsWith(shape.prefix) && result.endsWith(shape.suffix) ? result.slice(shape.prefix.length, result.length - shape.suffix.length || undefined) : result;
    return write(shape.ref, inner);
  }
  let raw: unknown = result;
  const key = value.map ? inverseMap(value.map, result) : undefined;
  if (key !== undefined) raw = key;
  else if (value.as === 'json' && typeof result === 'string') raw = JSON.parse(result) as unknown;
  if (value.removePrefix && typeof raw === 'string' && !raw.startsWith(value.removePrefix)) raw = value.removePrefix + raw;
  return write(value.from, raw);
}

/** The raw value a value reads for a wanted result, for a request field (the reverse of the send side's map). */
export function invertRequestValue(value: HttpValue, wire: unknown, write: (ref: HttpRef, raw: unknown) => boolean): boolean {
  if ('from' in value) {
    let raw: unknown = wire;
    const key = value.map ? inverseMap(value.map, wire) : undefined;
    if (key !== undefined) raw = key;
    if (value.removePrefix && typeof raw === 'string') raw = value.removePrefix + raw;
    return write(value.from, raw);
  }
  if ('first' in value) return value.first.some((alternative) => invertRequestValue(alternative, wire, write));
  return invert(value, wire, write);
}
