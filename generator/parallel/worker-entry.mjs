// A worker thread starts without the parent's module hooks: register tsx here, so the worker
// runs the same TypeScript sources as the main thread (no build step, as for the CLI).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
