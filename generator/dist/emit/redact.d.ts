/**
 * A secret example that looks like a live credential (rule CG123, a warning) is masked wherever
 * the spec is reproduced: the docs' Source Definition and the spec constant. Placeholders such as
 * "ACxxxx..." or "auth-token" are left as written, so the source stays exact for honest specs.
 */
import type { IntegrationSpec } from '@contractgen/runtime/spec';
export declare function credentialExamples(spec: IntegrationSpec): Set<string>;
export declare function redactSource(source: string, spec: IntegrationSpec): string;
export declare function redactSpec(spec: IntegrationSpec): IntegrationSpec;
//# sourceMappingURL=redact.d.ts.map