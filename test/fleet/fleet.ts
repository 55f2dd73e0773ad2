/**
 * Fleet runs: several separate Node processes (./member.ts) sharing one real redis-server and
 * one Twilio stand-in. `npm run fleet` (test/fleet/run.ts) sends for 20 s; test/fleet/fleet.test.ts
 * runs a short smoke of the same code in `npm test`.
 *
 * Sending (Fleet.send): every process sends through the generated sms.twilio client as fast as
 * its limiter lets it. The bar is the spec's limit as the generated client applies it
 * (bucketsForLimits: a burst of C, then r per ms, sized so that no provider window of 60 s sees
 * more than the limit when requests arrive up to J after their grant: the transit jitter, 1 s,
 * plus the Redis store's takeAheadMs, the longest a token taken ahead is held). A run of 20 s sees
 * no whole minute, so every window length the run does cover is checked against that envelope:
 * at most floor(C + r * (w + J)) requests may reach the stand-in in any window of w ms, for w
 * from 1 s to the whole run, which for w = 60 s is the spec's own limit. Throughput: the fleet
 * must get at least 90% of what one process alone is allowed over the run (C + r * duration,
 * less what an outage takes away), since the budget is shared, not lost.
 *
 * Redis killed mid-run (killAtMs, restartAtMs): 'fail-closed' must send nothing while Redis is
 * down, 'local' must keep sending within the processes' shares; either way no call may hang, no
 * process may crash or leave a promise rejection unhandled, and the envelope must hold.
 *
 * Webhooks (Fleet.webhooks): each event is delivered several times at once to random processes
 * and redelivered, again to a random process, until one answers 2xx, as Twilio does; every event
 * must be handled exactly once across the fleet. (Not across a Redis restart: a Redis without
 * persistence forgets which deliveries were handled.)
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import twilio from 'twilio';
import { bucketShare, bucketsForLimits, DEFAULT_TRANSIT_JITTER_MS, type BucketSpec } from '@contractgen/runtime';
import { DEFAULT_TAKE_AHEAD_MS } from '@contractgen/redis';
import { STAND_IN_ACCOUNT_SID, STAND_IN_AUTH_TOKEN, startTwilioStandIn, type TwilioStandIn } from '@contractgen/twilio/testing';
import { smsTwilioSpec } from '../../generated/integrations/sms.twilio/spec.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { REPO } from '../support/workspace.js';
import type { MemberOptions, SendingReport } from './member.js';

const MEMBER = new URL('./member.ts', import.meta.url).pathname;
/** Longest time from a grant to the request's arrival that the client's buckets are sized for. */
const JITTER_MS = DEFAULT_TRANSIT_JITTER_MS + DEFAULT_TAKE_AHEAD_MS;

export interface FleetOptions {
  readonly processes: number;
  /** How long Fleet.send sends. */
  readonly durationMs: number;
  /** Callers per process. Default 8. */
  readonly concurrency?: number;
  readonly onUnavailable?: MemberOptions['onUnavailable'];
}

export interface Outage {
  /** Kill Redis this long after the start of sending, and start it again at restartAtMs. */
  readonly killAtMs: number;
  readonly restartAtMs: number;
}

export interface SendingRunReport {
  readonly options: FleetOptions;
  readonly outage?: Outage;
  /** Arrival times of the sends at the stand-in, ms after the start. */
  readonly arrivals: number[];
  readonly members: SendingReport[];
}

export interface WebhookRunReport {
  readonly events: number;
  readonly copies: number;
  /** Event keys as handled, all processes together. */
  readonly handled: string[];
  /** Deliveries Twilio gave up on (no 2xx within 50 attempts). */
  readonly undelivered: number;
  readonly deliveries: number;
}

export interface Fleet {
  send(outage?: Outage): Promise<SendingRunReport>;
  webhooks(events: number, copies: number): Promise<WebhookRunReport>;
  /** Tells every process to exit; their exit codes, and what they printed on stderr. */
  close(): Promise<{ exitCodes: (number | null)[]; stderr: string }>;
}

/** A process of the fleet, driven one command at a time over its standard input. */
function startMember(options: MemberOptions) {
  const child = spawn(process.execPath, ['--import', 'tsx', MEMBER, JSON.stringify(options)], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  /** The next JSON line it prints; rejects with its stderr if it exits first. */
  async function next<T>(): Promise<T> {
    const line = await lines.next();
    if (line.done) throw new Error(`a fleet process exited (${await exited}): ${stderr}`);
    return JSON.parse(line.value) as T;
  }
  return {
    child,
    exited,
    stderr: () => stderr,
    next,
    async command<T>(line: string): Promise<T> {
      child.stdin.write(`${line}\n`);
      return next<T>();
    },
  };
}

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const redis = await startRedisServer();
  const standIn = await startTwilioStandIn();
  const memberOptions: MemberOptions = {
    redisUrl: redis.url,
    standInUrl: standIn.url,
    durationMs: options.durationMs,
    concurrency: options.concurrency ?? 8,
    onUnavailable: options.onUnavailable ?? 'fail-closed',
    fleetSize: options.processes,
  };
  const members = Array.from({ length: options.processes }, () => startMember(memberOptions));
  let ports: number[];
  try {
    ports = (await Promise.all(members.map((m) => m.next<{ port: number }>()))).map((ready) => ready.port);
  } catch (error) {
    for (const member of members) member.child.kill('SIGKILL');
    await Promise.all([standIn.close(), redis.stop()]);
    throw error;
  }
  return {
    send: (outage) => sendingRun(options, members, redis, standIn, outage),
    webhooks: (events, copies) => webhookRun(members, ports, events, copies),
    async close() {
      for (const member of members) member.child.stdin.end('exit\n');
      const timer = setTimeout(() => members.forEach((m) => m.child.kill('SIGKILL')), 30_000);
      const exitCodes = await Promise.all(members.map((m) => m.exited));
      clearTimeout(timer);
      await Promise.all([standIn.close(), redis.stop()]);
      return { exitCodes, stderr: members.map((m) => m.stderr()).join('') };
    },
  };
}

type Member = ReturnType<typeof startMember>;

async function sendingRun(options: FleetOptions, members: Member[], redis: RedisServer, standIn: TwilioStandIn, outage?: Outage): Promise<SendingRunReport> {
  standIn.reset();
  const startAt = Date.now() + 200;
  const reports = Promise.all(members.map((m) => m.command<{ sending: SendingReport }>(`send ${startAt}`)));
  if (outage) {
    await sleep(startAt + outage.killAtMs - Date.now());
    await redis.kill();
    await sleep(startAt + outage.restartAtMs - Date.now());
    await redis.start();
  }
  const done = await reports;
  const arrivals = standIn.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/Messages.json')).map((r) => r.receivedAt.getTime() - startAt);
  return { options, ...(outage && { outage }), arrivals, members: done.map((d) => d.sending) };
}

/** Most arrivals in any window [t, t + windowMs], both ends included. */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end]! <= sorted[start]! + windowMs) end++;
    most = Math.max(most, end - start);
  }
  return most;
}

/** The spec's buckets, as the generated sms.twilio client on the Redis store builds them. */
export const SPEC_BUCKETS: readonly BucketSpec[] = bucketsForLimits(smsTwilioSpec.constraints!.rateLimit!, undefined, JITTER_MS);

/** What the bucket lets through in any span of `spanMs`: the burst plus the refill. */
function envelope(bucket: BucketSpec, spanMs: number): number {
  return Math.floor(bucket.capacity + bucket.refillPerMs * spanMs);
}

export interface Finding {
  readonly check: string;
  readonly measured: number;
  readonly bound: number;
}

export interface Checks {
  readonly findings: Finding[];
  /** Every measured figure with its bound, for the run's printout. */
  readonly figures: Finding[];
}

/** A sheet of bars: each one is a figure, and a finding when it does not hold. */
function checkSheet() {
  const checks: Checks = { findings: [], figures: [] };
  const bar = (check: string, measured: number, bound: number, holds: boolean) => {
    checks.figures.push({ check, measured, bound });
    if (!holds) checks.findings.push({ check, measured, bound });
  };
  return { checks, bar };
}

/** The bars of a sending run: an empty `findings` means the run passed. */
export function checkSendingRun(report: SendingRunReport): Checks {
  const { options, arrivals, outage } = report;
  const [bucket] = SPEC_BUCKETS;
  const { checks, bar } = checkSheet();

  // Under 'local', the processes' shares refill a little faster together than the shared
  // bucket (each share is sized for its own floor(N / processes)), so their envelope is used.
  const local = options.onUnavailable === 'local' && outage ? bucketShare(SPEC_BUCKETS, options.processes)![0]! : undefined;
  const refill = Math.max(bucket!.refillPerMs, local ? local.refillPerMs * options.processes : 0);
  const windows = [...new Set([1_000, 2_000, 5_000, 10_000, options.durationMs, 60_000])].sort((a, b) => a - b);
  for (const windowMs of windows) {
    const bound = windowMs === 60_000 ? smsTwilioSpec.constraints!.rateLimit!.rpm! : envelope({ ...bucket!, refillPerMs: refill }, windowMs + JITTER_MS);
    const measured = busiestWindow(arrivals, windowMs);
    bar(`requests at the stand-in in any ${windowMs / 1000} s window`, measured, bound, measured <= bound);
  }

  // The budget is shared, not lost: the fleet gets what one process alone is allowed over the
  // run. With an outage (Redis down, then back with an empty budget, reconnecting with backoff)
  // the share is information only: what must hold then is the policy, below.
  const allowed = envelope(bucket!, options.durationMs);
  const sent = report.members.reduce((sum, m) => sum + m.sent, 0);
  const share = Number((sent / allowed).toFixed(3));
  bar('sends by the fleet, as a share of what one process is allowed', share, 0.9, outage !== undefined || share >= 0.9);
  // Every counted send reached the stand-in, and nothing else did but calls the end of the run cut off in flight.
  const stopped = report.members.reduce((sum, m) => sum + m.stopped, 0);
  bar('requests seen by the stand-in, beyond the sends counted', arrivals.length - sent, stopped, arrivals.length >= sent && arrivals.length - sent <= stopped);

  if (outage) {
    const during = arrivals.filter((t) => t > outage.killAtMs + JITTER_MS && t < outage.restartAtMs).length;
    if (options.onUnavailable === 'local') bar('requests while Redis is down (local: > 0)', during, 1, during >= 1);
    else bar('requests while Redis is down (fail-closed: none)', during, 0, during === 0);
    const refused = report.members.reduce((sum, m) => sum + (m.errors['RATE_LIMITED/store'] ?? 0), 0);
    if (options.onUnavailable !== 'local') bar('calls refused by the store while Redis is down', refused, 1, refused >= 1);
    const after = arrivals.filter((t) => t > outage.restartAtMs).length;
    bar('requests after Redis is back', after, 1, after >= 1);
  }
  const hung = report.members.reduce((sum, m) => sum + m.hung, 0);
  bar('calls that never settled', hung, 0, hung === 0);
  const longest = Math.max(...report.members.map((m) => m.longestCallMs));
  // A call may wait for its token up to the whole run; none may outlive it by more than 5 s.
  bar('longest call, ms', longest, options.durationMs + 5_000, longest <= options.durationMs + 5_000);
  const unhandled = report.members.reduce((sum, m) => sum + m.unhandled, 0);
  bar('unhandled promise rejections', unhandled, 0, unhandled === 0);
  const unexpected = report.members.flatMap((m) => Object.keys(m.errors).filter((key) => key !== 'RATE_LIMITED/store'));
  bar('calls failed other than by the store being down', unexpected.length, 0, unexpected.length === 0);
  return checks;
}

/** Plays Twilio against the fleet's webhook endpoints: see the top of this file. */
async function webhookRun(members: Member[], ports: readonly number[], eventCount: number, copies: number): Promise<WebhookRunReport> {
  let deliveries = 0;
  /** One delivery, as Twilio makes it: signed over the URL it calls and the form fields. */
  async function deliver(params: Record<string, string>): Promise<boolean> {
    const url = `http://127.0.0.1:${ports[Math.floor(Math.random() * ports.length)]}/twilio/whatsapp`;
    deliveries++;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(STAND_IN_AUTH_TOKEN, url, params) },
        body: new URLSearchParams(params).toString(),
      });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      // A dropped connection (a keep-alive socket the server closed meanwhile): Twilio redelivers.
      return false;
    }
  }
  /** Redelivers, each time to a random process, until a 2xx; false after 50 attempts. */
  async function untilAcknowledged(params: Record<string, string>): Promise<boolean> {
    for (let attempt = 1; attempt <= 50; attempt++) {
      if (await deliver(params)) return true;
      await sleep(20 + Math.floor(Math.random() * 80));
    }
    return false;
  }
  const run = `${Date.now().toString(16)}`.padStart(16, '0');
  const events = Array.from({ length: eventCount }, (_, i): Record<string, string> => {
    // A new SID per event and run; half incoming messages, half status callbacks (both kinds of key).
    const sid = `SM${run}${i.toString(16).padStart(16, '0')}`;
    return i % 2
      ? { MessageSid: sid, AccountSid: STAND_IN_ACCOUNT_SID, From: 'whatsapp:+14155552671', To: 'whatsapp:+15005550006', Body: `message ${i}`, NumMedia: '0' }
      : { MessageSid: sid, MessageStatus: 'delivered', To: 'whatsapp:+14155552671', From: 'whatsapp:+15005550006' };
  });
  const outcomes = await Promise.all(events.flatMap((params) => Array.from({ length: copies }, () => untilAcknowledged(params))));
  const handled = (await Promise.all(members.map((m) => m.command<{ handled: string[] }>('handled')))).flatMap((answer) => answer.handled);
  return { events: eventCount, copies, handled: handled.filter((key) => key.includes(run)), undelivered: outcomes.filter((ok) => !ok).length, deliveries };
}

export function checkWebhookRun(report: WebhookRunReport): Checks {
  const { checks, bar } = checkSheet();
  const counts = new Map<string, number>();
  for (const key of report.handled) counts.set(key, (counts.get(key) ?? 0) + 1);
  bar('distinct events handled', counts.size, report.events, counts.size === report.events);
  const twice = [...counts.values()].filter((n) => n > 1).length;
  bar('events handled more than once', twice, 0, twice === 0);
  bar('deliveries never acknowledged', report.undelivered, 0, report.undelivered === 0);
  bar('deliveries made (redeliveries included)', report.deliveries, report.events * report.copies, report.deliveries > report.events * report.copies);
  return checks;
}
