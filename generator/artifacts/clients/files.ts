/** `client.ts` of an integration's folder: its typed client and health check, bound to its adapter. */
import { dirname, relative, sep } from 'node:path';
import { camelCase } from '../../plan/identifiers.js';
import type { RenderJob } from '../../plan/model.js';
import { runtimeShimFrom, sourceLabel, type IntegrationPlan } from '../../plan/spec.js';
import { planHttpBinding } from '../../plan/http-binding.js';
import { tsString } from '../../emit/escape.js';
import type { IntegrationFilesContext } from '../artifact.js';
import { httpBindingConst } from '../http/names.js';

export function integrationJobs({ summary, names, spec }: IntegrationPlan, { provides, adapter, settings }: IntegrationFilesContext): RenderJob[] {
  const path = `${summary.dir}/client.ts`;
  const capabilities = provides.map((capability) => {
    const operations = capability.operations;
    return {
      key: capability.key,
      /** Local name of the capability's lazily imported validators module. */
      alias: camelCase(`${capability.key}-validators`),
      interfaceName: operations.length ? capability.interfaceName : undefined,
      types: [...(operations.length ? [capability.interfaceName] : []), ...operations.flatMap((op) => [op.inputType, op.outputType]), ...(capability.events.length ? [capability.eventUnionName] : [])],
      validators: operations.map((op) => op.validator),
      operations,
      eventUnion: capability.events.length ? capability.eventUnionName : undefined,
    };
  });
  const binding = planHttpBinding(spec, provides);
  const served = binding ? Object.keys(binding.operations) : [];
  // Every operation served and no webhooks to parse: an adapter is optional.
  const servesAll = binding !== undefined && capabilities.every((c) => !c.eventUnion && c.operations.every((op) => served.includes(op.name)));
  const job: RenderJob = {
    path,
    template: 'integration/client.ts',
    data: {
      source: sourceLabel(settings, summary.file),
      runtime: runtimeShimFrom(path),
      key: summary.key,
      title: summary.title,
      name: summary.name,
      specConst: summary.specConst,
      configValidator: names.configValidator,
      secretsValidator: names.secretsValidator,
      healthTimeoutMs: spec.healthCheck.timeoutMs,
      capabilities,
      operations: capabilities.flatMap((c) => c.operations),
      events: capabilities.flatMap((c) => (c.eventUnion ? [c.eventUnion] : [])),
      // A package's adapter is imported by package specifier, a local one by a relative path.
      adapter: adapter && {
        exportName: adapter.exportName,
        label: adapter.specifier ?? sourceLabel(settings, adapter.file),
        importPath: adapter.specifier ?? relativeImport(settings.outDir, path, adapter.file),
      },
      // Bound by spec: the client runs the binding, a hand-written adapter winning operation by operation.
      http: binding && {
        bindingConst: httpBindingConst(summary),
        health: binding.health !== undefined,
        allServed: servesAll,
        servedUnion: served.map(tsString).join(' | ') || 'never',
      },
      httpServesAll: servesAll,
      adapterOperations:
        [...capabilities.flatMap((c) => (c.interfaceName ? [c.interfaceName] : [])), ...(capabilities.some((c) => c.eventUnion) ? [`WebhookReceiver<${summary.name}Event>`] : [])].join(' & ') ||
        'Record<never, never>',
    },
  };
  return [job];
}

/** An ESM specifier from a generated file to a source file (`.ts` imported as `.js`). */
function relativeImport(outDir: string, fromPath: string, file: string): string {
  const from = dirname(`${outDir}${sep}${fromPath.split('/').join(sep)}`);
  const path = relative(from, file).split(sep).join('/').replace(/\.(m|c)?ts$/, (ext) => ext.replace('ts', 'js'));
  return path.startsWith('.') ? path : `./${path}`;
}
