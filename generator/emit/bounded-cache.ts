/**
 * A map that forgets its oldest entries beyond `limit`: identical schemas across specs (a shared
 * secret schema, a capability's repeated message shape) convert once, and a 1,000-spec run does
 * not keep every conversion alive.
 */
export class BoundedCache<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly limit: number) {}

  get(key: string, make: () => T): T {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = make();
      this.entries.set(key, value);
      if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    }
    return value;
  }
}
