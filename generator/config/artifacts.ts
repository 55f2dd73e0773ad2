/** The artifacts a project generates: each can be switched off in the config, and some need others. */

/** The generated artifacts that can be switched off. */
export interface ArtifactToggles {
  /** Config/secret types and capability operation types (`types.ts`). */
  readonly types?: boolean;
  /** Precompiled validators (`validators.ts`, `validate.js`); need types. */
  readonly validators?: boolean;
  /** Spec constants (`spec.ts`). */
  readonly spec?: boolean;
  /** Typed clients and health checks (`client.ts`); need types, validators and spec. */
  readonly clients?: boolean;
  /** Markdown docs and the catalog. */
  readonly docs?: boolean;
  /** The root registry (`index.ts`); needs spec. */
  readonly registry?: boolean;
}

export type Artifact = keyof ArtifactToggles;
export const ARTIFACTS: readonly Artifact[] = ['types', 'validators', 'spec', 'clients', 'docs', 'registry'];
const NEEDS: Readonly<Record<Artifact, readonly Artifact[]>> = {
  types: [],
  validators: ['types'],
  spec: [],
  clients: ['types', 'validators', 'spec'],
  docs: [],
  registry: ['spec'],
};

/** Problems with an `artifacts` value: unknown names, values that are not booleans, an artifact on without one it needs. */
export function artifactProblems(artifacts: unknown): string[] {
  if (!artifacts || typeof artifacts !== 'object') return ['"artifacts" must be an object of booleans'];
  const problems: string[] = [];
  for (const [name, on] of Object.entries(artifacts)) {
    if (!ARTIFACTS.includes(name as Artifact)) problems.push(`unknown artifact "${name}" (known: ${ARTIFACTS.join(', ')})`);
    else if (typeof on !== 'boolean') problems.push(`artifacts.${name} must be true or false`);
  }
  const enabled = enabledArtifacts(artifacts as ArtifactToggles);
  for (const artifact of enabled) {
    for (const needed of NEEDS[artifact]) if (!enabled.has(needed)) problems.push(`artifacts.${artifact} needs artifacts.${needed}`);
  }
  return problems;
}

export function enabledArtifacts(toggles: ArtifactToggles = {}): Set<Artifact> {
  return new Set(ARTIFACTS.filter((a) => toggles[a] !== false));
}
