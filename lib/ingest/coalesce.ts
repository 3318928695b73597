import type { Db } from '@/lib/db';
import type { IngestEvent, IngestResult, IngestTarget } from './commands';
import { ingestEvents } from './ingest';

/**
 * Group commit for small requests. Every request of the events API and every webhook
 * delivery is its own transaction, and a transaction costs a commit (a WAL flush) plus a
 * dozen round trips whatever its size, while the rollup rows one workspace's calls touch
 * are the same few rows for all of them. So, per target (workspace + source), at most
 * IN_FLIGHT transactions run at once; requests arriving while they run wait and are then
 * written together in one transaction (up to MAX_EVENTS events). At low load nothing waits
 * (a request finds no transaction running and goes at once); under load the batches grow
 * by themselves, which is what turns commits per second into events per second.
 *
 * Semantics are those of one ingestEvents call per request: results are handed back per
 * request in its order; a request's events are written together (all or none); two
 * requests with the same event id in one group behave as if sent one after the other
 * (the first is accepted, the second a duplicate or a conflict). If a group's transaction
 * fails, each of its requests is retried alone, so one request's failure is its own.
 */
const IN_FLIGHT = 2;
const MAX_EVENTS = 1_000;
/** Larger requests are already batches: they go alone, as before. */
const MAX_EVENTS_TO_GROUP = 100;

type Waiter = { events: readonly IngestEvent[]; resolve: (results: IngestResult[]) => void; reject: (error: unknown) => void };
type Queue = { db: Db; target: IngestTarget; waiting: Waiter[]; running: number };

const queues = new Map<string, Queue>();

/** Transactions written and requests they carried, since the process started (for tests and the bench). */
export const groupStats = { transactions: 0, requests: 0 };

/** Queues open now (for tests: none outlives the requests it carries). */
export function openQueueCount(): number {
  return queues.size;
}

export function ingestGrouped(db: Db, target: IngestTarget, events: readonly IngestEvent[]): Promise<IngestResult[]> {
  if (events.length === 0) return Promise.resolve([]);
  if (events.length > MAX_EVENTS_TO_GROUP) return ingestEvents(db, target, events);
  const name = `${target.workspaceId}\0${target.source}`;
  let queue = queues.get(name);
  if (!queue || queue.db !== db) {
    queue = { db, target, waiting: [], running: 0 };
    queues.set(name, queue);
  }
  const q = queue;
  return new Promise((resolve, reject) => {
    q.waiting.push({ events, resolve, reject });
    drain(name, q);
  });
}

function drain(name: string, queue: Queue): void {
  while (queue.running < IN_FLIGHT && queue.waiting.length) {
    const group = takeGroup(queue);
    queue.running++;
    void write(queue, group).finally(() => {
      queue.running--;
      if (queue.waiting.length) drain(name, queue);
      else if (queue.running === 0 && queues.get(name) === queue) queues.delete(name);
    });
  }
}

function takeGroup(queue: Queue): Waiter[] {
  const group: Waiter[] = [];
  let size = 0;
  // Every waiter holds at most MAX_EVENTS_TO_GROUP (< MAX_EVENTS) events, so the first always fits.
  while (queue.waiting.length && size + queue.waiting[0]!.events.length <= MAX_EVENTS) {
    const waiter = queue.waiting.shift()!;
    group.push(waiter);
    size += waiter.events.length;
  }
  return group;
}

async function write(queue: Queue, group: Waiter[]): Promise<void> {
  groupStats.transactions++;
  groupStats.requests += group.length;
  // Stryker disable next-line ConditionalExpression,BlockStatement: a lone request through the group path gets the same answer (a failure is only tried once more, alone)
  if (group.length === 1) {
    const [only] = group;
    await ingestEvents(queue.db, queue.target, only!.events).then(only!.resolve, only!.reject);
    return;
  }
  let results: IngestResult[];
  try {
    results = await ingestEvents(queue.db, queue.target, group.flatMap((w) => w.events));
  } catch {
    // The group's transaction wrote nothing: each request tries alone and gets its own answer.
    await Promise.all(group.map((w) => ingestEvents(queue.db, queue.target, w.events).then(w.resolve, w.reject)));
    return;
  }
  let at = 0;
  for (const waiter of group) {
    waiter.resolve(results.slice(at, at + waiter.events.length));
    at += waiter.events.length;
  }
}
