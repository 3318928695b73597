import { describe, expect, it } from 'vitest';
import { callFilterCondition, type CallFilters } from '@/lib/analytics/filters';

const ID = '7a0c1a0e-8f3b-4c4e-9a57-0f7f2d9b6b11';
const condition = (filters: CallFilters, zone?: string) => callFilterCondition(filters, zone);
const rejects = (filters: CallFilters, zone: string | undefined, message: string) =>
  expect(() => callFilterCondition(filters, zone)).toThrow(expect.objectContaining({ message, param: message.split(':')[0] }));

/** The call filters of docs/METRICS.md ("Workspace metrics"): the SQL they add, the values they refuse. */
describe('call filters', () => {
  it('adds nothing without a filter', () => {
    expect(condition({}).sql).toBe('TRUE');
    expect(callFilterCondition().sql).toBe('TRUE');
  });

  it('narrows by each filter with bound values, ANDed together', () => {
    const all = condition({ agentId: ID, status: 'busy', direction: 'outbound', provider: 'vapi', sentiment: 'negative', hour: 0 }, 'Asia/Kathmandu');
    expect(all.sql).toBe(
      'c.agent_id = ?::uuid AND c.status = ?::call_status AND c.direction = ?::call_direction AND c.voice_provider_used = ? ' +
        'AND c.sentiment = ?::sentiment AND extract(hour FROM c.started_at AT TIME ZONE ?)::int = ?::int',
    );
    expect(all.values).toEqual([ID, 'busy', 'outbound', 'vapi', 'negative', 'Asia/Kathmandu', 0]);
  });

  it('takes the hours 0 and 23 and a provider name of 1 to 100 characters', () => {
    expect(condition({ hour: 23 }, 'UTC').values).toEqual(['UTC', 23]);
    expect(condition({ provider: 'x' }).values).toEqual(['x']);
    expect(condition({ provider: 'p'.repeat(100) }).values).toEqual(['p'.repeat(100)]);
  });

  it('refuses malformed values, naming the parameter and what it expects', () => {
    rejects({ agentId: 'not-a-uuid' }, undefined, 'agentId: expected a UUID');
    rejects({ status: 'done' as never }, undefined, 'status: expected one of queued, ringing, in_progress, completed, failed, no_answer, busy, canceled');
    rejects({ status: 3 as never }, undefined, 'status: expected one of queued, ringing, in_progress, completed, failed, no_answer, busy, canceled');
    rejects({ direction: 'sideways' as never }, undefined, 'direction: expected one of inbound, outbound');
    rejects({ sentiment: 'angry' as never }, undefined, 'sentiment: expected one of positive, neutral, negative');
    for (const provider of ['', 'p'.repeat(101), 7 as never]) rejects({ provider }, undefined, 'provider: expected a provider name');
    for (const hour of [-1, 24, 1.5, Number.NaN]) rejects({ hour }, 'UTC', 'hour: expected an integer from 0 to 23');
    rejects({ hour: 9 }, undefined, 'hour: needs the time zone its hours are read in');
  });
});
