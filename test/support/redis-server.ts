/**
 * A real `redis-server` (Debian's package; `.ci/run` installs it) for the tests that need one:
 * started on a free loopback port with no persistence, in a scratch folder of its own, and
 * stopped by the test. `kill()` and `start()` take it down hard and bring it back on the same
 * port with an empty dataset, the way a crashed Redis without persistence comes back.
 * Never a mock: the Redis store's atomicity and clock are Redis' own.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** SIGKILL: no shutdown, no save; clients see their connections drop. */
  kill(): Promise<void>;
  /** Starts it again on the same port (after kill()), with an empty dataset. */
  start(): Promise<void>;
  /** Stops it for good and removes its folder. */
  stop(): Promise<void>;
}

const BINARY = process.env['REDIS_SERVER'] ?? 'redis-server';
const running = new Set<ChildProcess>();
// A test file that fails before its afterAll must not leave a server behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Whether redis-server can be run here; the tests that need it fail with this message otherwise. */
export function redisServerMissing(): string | undefined {
  const probe = spawnSync(BINARY, ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? undefined : `${BINARY} not found: install Debian's redis-server (apt-get install redis-server; .ci/run does)`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the server answers PING with PONG. */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

export async function startRedisServer(): Promise<RedisServer> {
  const missing = redisServerMissing();
  if (missing) throw new Error(missing);
  const dir = mkdtempSync(join(tmpdir(), 'contractgen-redis-'));
  let child: ChildProcess | undefined;
  let port = 0;

  async function launch(): Promise<void> {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning'];
    const started = spawn(BINARY, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    running.add(started);
    let exited = false;
    started.once('exit', () => {
      exited = true;
      running.delete(started);
    });
    for (const deadline = Date.now() + 10_000; Date.now() < deadline && !exited; await sleep(20)) {
      if (await pong(port)) {
        child = started;
        return;
      }
    }
    started.kill('SIGKILL');
    throw new Error(`redis-server did not answer on port ${port}${exited ? ' (it exited: port taken?)' : ''}`);
  }

  async function halt(signal: NodeJS.Signals): Promise<void> {
    const current = child;
    child = undefined;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    current.kill(signal);
    await exited;
  }

  // A free port can be taken by someone else before redis-server binds it: try a few.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }

  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill: () => halt('SIGKILL'),
    async start() {
      if (child) return;
      await launch();
    },
    async stop() {
      await halt('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
