/**
 * A hand-written adapter and an HTTP binding serving one integration together: the hand-written
 * adapter wins operation by operation (and for the health probe, preparation and webhooks); the
 * binding serves whatever it leaves out. This is the escape hatch from the declarative format:
 * one operation the binding cannot express does not force the whole integration into code.
 */
import type { Adapter, AdapterConnection, AdapterInit, AdapterPreparation, HealthProbe } from '../client/adapter.js';

/** A hand-written adapter that may implement only some operations, and may leave the health probe to the binding. */
export interface PartialAdapter<Key extends string, Config, Secrets, Operations> {
  readonly integration: Key;
  readonly connect: (init: AdapterInit<Config, Secrets>) => Partial<AdapterConnection<Operations>>;
}

/** A hand-written adapter of some operations (`Operations`: the ones it implements, each required), with an optional health probe. */
export interface OperationsAdapter<Key extends string, Config, Secrets, Operations> {
  readonly integration: Key;
  readonly connect: (init: AdapterInit<Config, Secrets>) => Operations & Partial<HealthProbe> & AdapterPreparation;
}

/**
 * Declares a hand-written adapter for an HTTP-bound integration that implements only what it
 * overrides (name those operations in `Operations`, e.g. `Pick<SmsOutboundOperations, 'getDeliveryStatus'>`):
 * the binding serves the others, and the health probe unless it has one. The key stays a literal
 * type, as with defineAdapter. Only for a spec with an `http` section (CG143).
 */
export function definePartialAdapter<const Key extends string, Config, Secrets, Operations>(
  adapter: OperationsAdapter<Key, Config, Secrets, Operations>,
): OperationsAdapter<Key, Config, Secrets, Operations> {
  return adapter;
}

/**
 * The generated client checks, by type, that the two together implement every operation; this
 * function checks the integration key, which a type cannot when keys are widened to string.
 */
export function combineAdapters<Key extends string, Config, Secrets, Operations>(
  handWritten: PartialAdapter<Key, Config, Secrets, Operations>,
  binding: Adapter<Key, Config, Secrets, Partial<Operations>>,
): Adapter<Key, Config, Secrets, Operations> {
  if (handWritten.integration !== binding.integration) {
    throw new TypeError(`combineAdapters: the hand-written adapter implements ${handWritten.integration}, the binding ${binding.integration}`);
  }
  return {
    integration: binding.integration,
    connect: (init) => {
      const served = binding.connect(init) as unknown as Record<string, unknown>;
      const own = handWritten.connect(init) as Record<string, unknown>;
      const combined: Record<string, unknown> = { ...served };
      for (const name of functionNames(own)) combined[name] = (own[name] as (...args: unknown[]) => unknown).bind(own);
      return combined as unknown as AdapterConnection<Operations> & HealthProbe;
    },
  };
}

/** Every method of an object, its class's included (a spread would miss those). */
function functionNames(value: object): string[] {
  const names = new Set<string>();
  for (let current: object | null = value; current && current !== Object.prototype; current = Object.getPrototypeOf(current) as object | null) {
    for (const name of Object.getOwnPropertyNames(current)) {
      if (name !== 'constructor' && typeof (value as Record<string, unknown>)[name] === 'function') names.add(name);
    }
  }
  return [...names];
}
