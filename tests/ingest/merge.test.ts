import { describe, expect, it } from 'vitest';
import type { CallUpsertCommand } from '@/lib/ingest';
import { mergeCall, projectCall, sameState, STATUS_RANK, type CallState } from '@/lib/ingest/merge';

/**
 * docs/METRICS.md, "Ingested data", merging a call's events: each field takes the value of
 * the event with the greatest (occurred_at, event id) among those that carried it; status
 * ranks first (queued < ringing < in_progress < terminal) and an explicit status beats an
 * implied one of the same rank; metadata merges key by key; intent and metadata.intent are
 * one field; defaults inbound / queued / earliest occurred_at; duration derived from the
 * explicit times when never given. Every field below has its own value in every event, so a
 * field read from the wrong place or the wrong event shows.
 */
const T0 = Date.parse('2026-11-20T10:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);
type Ev = { eventId: string; occurredAt: Date; command: Pick<CallUpsertCommand, 'fields' | 'impliedStatus'> };
const ev = (eventId: string, seconds: number, fields: CallUpsertCommand['fields'], impliedStatus?: CallUpsertCommand['impliedStatus']): Ev => ({
  eventId,
  occurredAt: at(seconds),
  command: { fields, impliedStatus },
});

function fold(events: readonly Ev[], start: CallState | null = null): CallState {
  return events.reduce<CallState | null>((s, e) => mergeCall(s, { eventId: e.eventId, occurredAt: e.occurredAt }, e.command), start)!;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

// A call's four events; each field is carried by two of them with different values, the
// later (or, at equal times, the greater event id) winning.
const started = ev('e-1', 0, {
  agent: { externalId: 'ag-old', name: 'Old name' },
  direction: 'outbound',
  callerNumber: '+15550001',
  startedAt: at(2),
  sentiment: 'negative',
  voiceProvider: 'vapi',
  avgResponseMs: 700,
  metadata: { campaign: 'spring', region: 'eu' },
}, 'in_progress');
const updated = ev('e-2', 30, {
  agent: { externalId: 'ag-new', name: 'New name' },
  sentiment: 'neutral',
  callerNumber: '+15550002',
  avgResponseMs: 0, // zero is a value, not "absent"
  intent: 'billing',
  metadata: { campaign: 'summer', tier: 'gold' },
});
const ended = ev('e-3', 90, {
  endedAt: at(92.6),
  durationSeconds: null, // null says nothing
  sentiment: 'positive',
  voiceProvider: 'retell',
  endedReason: 'hangup',
  metadata: { region: null, tier: 'platinum' },
}, 'completed');
// Same time as `ended`, greater id: wins every field both carry.
const tie = ev('e-4', 90, { endedReason: 'customer-ended-call', direction: 'inbound' });

const EXPECTED = {
  agentExternalId: 'ag-new',
  agentName: 'New name',
  direction: 'inbound',
  status: 'completed',
  callerNumber: '+15550002',
  startedAt: at(2),
  endedAt: at(92.6),
  durationSeconds: 91, // 92.6 − 2 = 90.6 s → 91 (whole seconds)
  sentiment: 'positive',
  voiceProviderUsed: 'retell',
  avgResponseMs: 0,
  intent: 'billing',
  endedReason: 'customer-ended-call',
  metadata: { campaign: 'summer', region: 'eu', tier: 'platinum', intent: 'billing' },
};

describe('mergeCall / projectCall', () => {
  it('gives the same call in all 24 orders of its events, and again when they are all re-delivered', () => {
    const events = [started, updated, ended, tie];
    const first = fold(events);
    expect(projectCall(first)).toEqual(EXPECTED);
    for (const order of permutations(events)) {
      const state = fold(order);
      expect(projectCall(state)).toEqual(EXPECTED);
      expect(sameState(state, first)).toBe(true);
      // every event once more, in reverse: nothing changes
      const again = fold([...order].reverse(), state);
      expect(again).toEqual(state);
      expect(sameState(again, state)).toBe(true);
    }
  });

  it('a field takes the later event; at equal times the greater event id, whichever arrives first', () => {
    const a = ev('b', 10, { callerNumber: 'A', voiceProvider: 'early' });
    const b = ev('a', 10, { callerNumber: 'B' });
    const c = ev('c', 5, { voiceProvider: 'older', callerNumber: 'C' });
    for (const order of permutations([a, b, c])) {
      const p = projectCall(fold(order));
      expect([p.callerNumber, p.voiceProviderUsed]).toEqual(['A', 'early']);
    }
    // a later time beats a greater id
    const later = ev('a', 11, { callerNumber: 'later' });
    expect(projectCall(fold([a, later])).callerNumber).toBe('later');
    expect(projectCall(fold([later, a])).callerNumber).toBe('later');
  });

  it('status only moves forward; among equal ranks the later wins; explicit beats implied', () => {
    const status = (events: Ev[]) => permutations(events).map((o) => projectCall(fold(o)).status);
    const all = (s: string, n: number) => Array.from({ length: n }, () => s);
    // a terminal status at t=1 is not undone by an in_progress at t=50
    expect(status([ev('x', 1, { status: 'completed' }), ev('y', 50, { status: 'in_progress' })])).toEqual(all('completed', 2));
    expect(status([ev('x', 1, { status: 'ringing' }), ev('y', 50, { status: 'queued' }), ev('z', 0, { status: 'in_progress' })])).toEqual(all('in_progress', 6));
    // two terminal statuses: the later one
    expect(status([ev('x', 1, { status: 'failed' }), ev('y', 2, { status: 'busy' })])).toEqual(all('busy', 2));
    // an explicit failed beats a later implied completed (call.ended without a status)
    expect(status([ev('x', 1, { status: 'failed' }), ev('y', 60, {}, 'completed')])).toEqual(all('failed', 2));
    // an implied completed beats an explicit in_progress (higher rank), even an older one
    expect(status([ev('x', 60, { status: 'in_progress' }), ev('y', 1, {}, 'completed')])).toEqual(all('completed', 2));
    // an implied status of the same rank as an explicit one loses whatever the times
    expect(status([ev('x', 1, { status: 'in_progress' }), ev('y', 60, {}, 'in_progress')])).toEqual(all('in_progress', 2));
    // an explicit status wins over the implied one of the same event
    expect(projectCall(fold([ev('x', 1, { status: 'no_answer' }, 'completed')])).status).toBe('no_answer');
    expect(projectCall(fold([ev('x', 1, { status: 'ringing' }, 'in_progress')])).status).toBe('ringing');
    // the ranks themselves
    expect(STATUS_RANK).toEqual({ queued: 0, ringing: 1, in_progress: 2, completed: 3, failed: 3, no_answer: 3, busy: 3, canceled: 3 });
  });

  it('defaults while unknown: inbound, queued, started at the earliest occurred_at, no duration', () => {
    for (const order of permutations([ev('x', 40, { sentiment: 'neutral' }), ev('y', 10, {}), ev('z', 25, {})])) {
      const p = projectCall(fold(order));
      expect(p).toMatchObject({ direction: 'inbound', status: 'queued', agentExternalId: null, agentName: null, endedAt: null, durationSeconds: null });
      expect(p.startedAt).toEqual(at(10));
      expect(p.metadata).toEqual({});
      expect(p.intent).toBeNull();
    }
    // an explicit started_at beats the earliest occurred_at, even a later one
    expect(projectCall(fold([ev('x', 10, {}), ev('y', 20, { startedAt: at(15) })])).startedAt).toEqual(at(15));
  });

  it('duration: the given one; else ended − started rounded when both were given; never negative; null with an implied start', () => {
    const duration = (events: Ev[]) => projectCall(fold(events)).durationSeconds;
    expect(duration([ev('x', 0, { startedAt: at(0), endedAt: at(100.4) })])).toBe(100);
    expect(duration([ev('x', 0, { startedAt: at(0), endedAt: at(100.5) })])).toBe(101);
    expect(duration([ev('x', 0, { startedAt: at(0), endedAt: at(100), durationSeconds: 7 })])).toBe(7);
    expect(duration([ev('x', 0, { startedAt: at(0), endedAt: at(100), durationSeconds: 0 })])).toBe(0);
    expect(duration([ev('x', 0, { startedAt: at(50), endedAt: at(20) })])).toBe(0);
    // started_at implied by the earliest event, ended_at given: still null
    expect(duration([ev('x', 0, {}), ev('y', 30, { endedAt: at(30) })])).toBeNull();
    expect(duration([ev('x', 0, { startedAt: at(0) })])).toBeNull();
  });

  it('agent: the latest event naming one; without an external id an agent says nothing; a missing name is null', () => {
    const p = projectCall(fold([ev('x', 1, { agent: { externalId: 'a1', name: 'Ann' } }), ev('y', 2, { agent: { externalId: '', name: 'Nobody' } })]));
    expect([p.agentExternalId, p.agentName]).toEqual(['a1', 'Ann']);
    const q = projectCall(fold([ev('x', 1, { agent: { externalId: 'a1', name: 'Ann' } }), ev('y', 2, { agent: { externalId: 'a2' } })]));
    expect([q.agentExternalId, q.agentName]).toEqual(['a2', null]);
  });

  it('intent and metadata.intent are one field: an explicit intent beats metadata.intent of the same event; a non-text metadata.intent is ignored', () => {
    const project = (events: Ev[]) => {
      const p = projectCall(fold(events));
      return [p.intent, p.metadata];
    };
    expect(project([ev('x', 1, { metadata: { intent: 'support', a: 1 } })])).toEqual(['support', { a: 1, intent: 'support' }]);
    expect(project([ev('x', 1, { intent: 'sales', metadata: { intent: 'support' } })])).toEqual(['sales', { intent: 'sales' }]);
    expect(project([ev('x', 1, { metadata: { intent: 42, b: false } })])).toEqual([null, { b: false }]);
    // the later of an explicit intent and a metadata.intent wins, whichever way it came
    expect(project([ev('x', 1, { intent: 'sales' }), ev('y', 2, { metadata: { intent: 'support' } })])).toEqual(['support', { intent: 'support' }]);
    expect(project([ev('x', 2, { intent: 'sales' }), ev('y', 1, { metadata: { intent: 'support' } })])).toEqual(['sales', { intent: 'sales' }]);
  });

  it('metadata merges key by key; a null or undefined key says nothing', () => {
    const p = projectCall(
      fold([ev('x', 1, { metadata: { a: 'first', b: 'kept', z: 0 } }), ev('y', 2, { metadata: { a: 'second', b: null, c: undefined, d: { nested: true } } })]),
    );
    expect(p.metadata).toEqual({ a: 'second', b: 'kept', z: 0, d: { nested: true } });
  });

  it('a null or absent field says nothing, in either order: a later null never erases an earlier value', () => {
    // the events API maps every field an event leaves out to null
    const valued = ev('x', 1, { sentiment: 'positive', callerNumber: '+1', endedReason: 'hangup', metadata: { c: 'kept', d: 'kept too' } });
    const empty = ev('y', 2, { sentiment: null, callerNumber: undefined, endedReason: null, metadata: { c: null, d: undefined } });
    for (const order of [[valued, empty], [empty, valued]]) {
      const p = projectCall(fold(order));
      expect([p.sentiment, p.callerNumber, p.endedReason]).toEqual(['positive', '+1', 'hangup']);
      expect(p.metadata).toStrictEqual({ c: 'kept', d: 'kept too' });
    }
    expect(Object.keys(fold([empty]).f)).toEqual([]);
  });

  it('every scalar field has its own slot (nothing read from another field)', () => {
    const p = projectCall(
      fold([
        ev('x', 1, {
          direction: 'outbound',
          callerNumber: 'caller',
          durationSeconds: 11,
          sentiment: 'negative',
          voiceProvider: 'voice',
          avgResponseMs: 22,
          endedReason: 'reason',
          intent: 'intent',
          startedAt: at(3),
          endedAt: at(4),
        }),
      ]),
    );
    expect(p).toEqual({
      agentExternalId: null,
      agentName: null,
      direction: 'outbound',
      status: 'queued',
      callerNumber: 'caller',
      startedAt: at(3),
      endedAt: at(4),
      durationSeconds: 11,
      sentiment: 'negative',
      voiceProviderUsed: 'voice',
      avgResponseMs: 22,
      intent: 'intent',
      endedReason: 'reason',
      metadata: { intent: 'intent' },
    });
  });

  it('sameState: equal only when the earliest time and every field version (time, event, rank) are the same', () => {
    const base: CallState = { first: 1, f: { a: { v: 1, t: 5, e: 'x' }, status: { v: 'completed', t: 5, e: 'x', r: 6 } } };
    const copy = (): CallState => structuredClone(base);
    expect(sameState(base, copy())).toBe(true);
    const variants: ((s: CallState) => void)[] = [
      (s) => (s.first = 0),
      (s) => (s.f.a!.t = 6),
      (s) => (s.f.a!.e = 'y'),
      (s) => (s.f.status!.r = 7),
      (s) => delete s.f.status!.r, // absent rank is 0, not 6
      (s) => (s.f.b = { v: 2, t: 5, e: 'x' }),
      (s) => delete s.f.a,
    ];
    for (const change of variants) {
      const other = copy();
      change(other);
      expect(sameState(base, other)).toBe(false);
      expect(sameState(other, base)).toBe(false);
    }
    // same number of fields, but not the same fields
    const renamed = copy();
    renamed.f.b = renamed.f.a!;
    delete renamed.f.a;
    expect(sameState(base, renamed)).toBe(false);
    // an absent rank equals rank 0
    expect(sameState({ first: 1, f: { s: { v: 'queued', t: 1, e: 'x' } } }, { first: 1, f: { s: { v: 'queued', t: 1, e: 'x', r: 0 } } })).toBe(true);
  });

  it('does not change the state it was given', () => {
    const before = fold([started]);
    const snapshot = structuredClone(before);
    mergeCall(before, { eventId: 'z', occurredAt: at(-10) }, { fields: { sentiment: 'positive', metadata: { k: 1 } } });
    expect(before).toEqual(snapshot);
  });
});
