/** The options of the send benches (send.ts, fleet-overhead.ts): `--sends 300 --warmup 50 --block 50`. */
function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/** Sends measured per variant, unmeasured sends first, and sends per alternating block. */
export const sendOptions = { sends: option('sends', 300), warmup: option('warmup', 50), block: option('block', 50) };
