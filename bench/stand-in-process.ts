/**
 * The Twilio stand-in in a process of its own, for a bench whose client must not share its event
 * loop and CPU time with the provider's servers (bench/fleet-overhead.ts says why).
 *
 * `startStandInProcess()` forks this file; the child starts the stand-in, sends its URL over the
 * IPC channel, forgets its recorded requests on 'reset' (a bench sends thousands), and exits when
 * the parent disconnects or dies.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface StandInProcess {
  readonly url: string;
  /** Forgets the requests recorded so far. */
  reset(): void;
  close(): Promise<void>;
}

const FILE = fileURLToPath(import.meta.url);

export async function startStandInProcess(): Promise<StandInProcess> {
  const child = fork(FILE, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [url] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`the stand-in process exited (${String(code)}) before it listened`);
    }),
  ])) as [string];
  return {
    url,
    reset: () => child.send('reset'),
    async close() {
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    },
  };
}

if (process.argv[1] === FILE && process.send) {
  const { startTwilioStandIn } = await import('@contractgen/twilio/testing');
  const standIn = await startTwilioStandIn();
  process.on('message', (message) => {
    if (message === 'reset') standIn.reset();
  });
  process.once('disconnect', () => void standIn.close().then(() => process.exit(0)));
  process.send(standIn.url);
}
