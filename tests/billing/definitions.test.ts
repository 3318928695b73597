import { describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/db';
import { formatInvoiceNumber, subscriptionAmount } from '@/lib/billing/close';
import { localMonthOf, localMonthRange, monthLabel, parseMonth } from '@/lib/billing/months';
import { monthlyFee, stateMrr } from '@/lib/billing/subscription';
import { usageUnit } from '@/lib/billing/usage';

// docs/METRICS.md "Billing close", clause by clause, on the pure parts of lib/billing.

describe('billing periods: local calendar months', () => {
  it('reads and writes months YYYY-MM, refusing anything else', () => {
    expect(parseMonth('2026-01')).toBe(2026 * 12);
    expect(parseMonth('2026-12')).toBe(2026 * 12 + 11);
    expect(monthLabel(parseMonth('2026-03'))).toBe('2026-03');
    expect(monthLabel(parseMonth('2026-12') + 1)).toBe('2027-01');
    for (const bad of ['2026-00', '2026-13', '2026-3', '26-03', '2026-03-01', ' 2026-03']) expect(() => parseMonth(bad), bad).toThrow(/expected a month YYYY-MM/);
  });

  it('a period is [local midnight of the 1st, local midnight of the next 1st) in the workspace zone', () => {
    const ny = localMonthRange(parseMonth('2026-03'), 'America/New_York');
    expect(ny).toEqual({ start: new Date('2026-03-01T05:00:00Z'), end: new Date('2026-04-01T04:00:00Z') });
    expect(localMonthRange(parseMonth('2026-12'), 'Asia/Kathmandu')).toEqual({ start: new Date('2026-11-30T18:15:00Z'), end: new Date('2026-12-31T18:15:00Z') });
    expect(localMonthRange(parseMonth('2026-02'), 'UTC')).toEqual({ start: new Date('2026-02-01T00:00:00Z'), end: new Date('2026-03-01T00:00:00Z') });
  });

  it('an instant at exactly local midnight of the 1st belongs to the month that starts then', () => {
    expect(monthLabel(localMonthOf(new Date('2026-03-01T05:00:00Z'), 'America/New_York'))).toBe('2026-03');
    expect(monthLabel(localMonthOf(new Date('2026-03-01T04:59:59.999Z'), 'America/New_York'))).toBe('2026-02');
    expect(monthLabel(localMonthOf(new Date('2026-03-01T04:59:59.999Z'), 'UTC'))).toBe('2026-03');
  });
});

describe('subscription amount', () => {
  const march = parseMonth('2026-03');
  const range = localMonthRange(march, 'UTC');
  const tier = (billingInterval: 'month' | 'year') => ({ tierName: 'pro', monthlyFee: new Prisma.Decimal('49.990000'), billingInterval, includedMinutes: 0 });
  const ws = (over: Partial<Parameters<typeof subscriptionAmount>[0]>) => ({ tier: tier('month'), trialEndsAt: null, status: 'active', createdAt: new Date('2025-06-15T00:00:00Z'), timezone: 'UTC', ...over });
  const amount = (over: Partial<Parameters<typeof subscriptionAmount>[0]>, m = march) => subscriptionAmount(ws(over), m, localMonthRange(m, 'UTC')).toFixed(6);

  it('no tier bills 0; a monthly tier its fee every month, in full', () => {
    expect(amount({ tier: null })).toBe('0.000000');
    expect(amount({})).toBe('49.990000');
    expect(amount({ status: 'cancelled' })).toBe('49.990000');
  });

  it('months entirely in the trial bill 0; the month the trial ends bills in full; an open trial bills 0', () => {
    expect(amount({ trialEndsAt: range.end })).toBe('0.000000');
    expect(amount({ trialEndsAt: new Date(range.end.getTime() + 1) })).toBe('0.000000');
    expect(amount({ trialEndsAt: new Date(range.end.getTime() - 1) })).toBe('49.990000');
    expect(amount({ status: 'trialing' })).toBe('0.000000');
    // A trial end date decides, whatever the status says.
    expect(amount({ status: 'trialing', trialEndsAt: new Date('2026-03-10T00:00:00Z') })).toBe('49.990000');
  });

  it('an annual tier bills its fee in the anniversary month only (trial end when after creation, else creation)', () => {
    const yearly = { tier: tier('year'), createdAt: new Date('2025-03-20T00:00:00Z') };
    expect(amount(yearly)).toBe('49.990000');
    expect(amount(yearly, march - 1)).toBe('0.000000');
    expect(amount(yearly, march + 1)).toBe('0.000000');
    expect(amount(yearly, march + 12)).toBe('49.990000');
    expect(amount(yearly, parseMonth('2025-03'))).toBe('49.990000');
    // Before the anchor month: nothing, even twelve months before.
    expect(amount({ tier: tier('year'), createdAt: new Date('2026-03-02T00:00:00Z') }, march - 12)).toBe('0.000000');
    // The trial ended in May 2025, after creation: May is the anniversary.
    const trial = { tier: tier('year'), createdAt: new Date('2025-03-20T00:00:00Z'), trialEndsAt: new Date('2025-05-03T00:00:00Z') };
    expect(amount(trial, parseMonth('2026-05'))).toBe('49.990000');
    expect(amount(trial)).toBe('0.000000');
    // A trial end before creation does not move the anchor.
    expect(amount({ ...trial, trialEndsAt: new Date('2025-01-01T00:00:00Z') })).toBe('49.990000');
  });
});

describe('invoice numbers, units and MRR', () => {
  it('INV-<year>-<n in six digits>', () => {
    expect(formatInvoiceNumber(2026, 1)).toBe('INV-2026-000001');
    expect(formatInvoiceNumber(2027, 123456)).toBe('INV-2027-123456');
  });

  it('names the unit of each usage type, else the type itself', () => {
    expect(['telephony_minutes', 'stt_seconds', 'llm_tokens', 'tts_characters', 'other'].map(usageUnit)).toEqual(['min', 's', 'tokens', 'chars', 'other']);
  });

  it('MRR: the monthly fee, a yearly fee / 12 half up to 6 places, only while active', () => {
    expect(monthlyFee({ monthlyFee: new Prisma.Decimal('100'), billingInterval: 'year' }).toFixed(6)).toBe('8.333333');
    expect(monthlyFee({ monthlyFee: new Prisma.Decimal('0.000010'), billingInterval: 'year' }).toFixed(6)).toBe('0.000001');
    expect(monthlyFee({ monthlyFee: new Prisma.Decimal('0.000006'), billingInterval: 'year' }).toFixed(6)).toBe('0.000001');
    expect(monthlyFee({ monthlyFee: new Prisma.Decimal('49.99'), billingInterval: 'month' }).toFixed(6)).toBe('49.990000');
    const pro = { tierName: 'pro', monthlyFee: new Prisma.Decimal('49.99'), billingInterval: 'month' as const };
    expect(stateMrr('active', pro).toFixed(6)).toBe('49.990000');
    for (const status of ['trialing', 'past_due', 'cancelled'] as const) expect(stateMrr(status, pro).toFixed(6)).toBe('0.000000');
    expect(stateMrr('active', null).toFixed(6)).toBe('0.000000');
  });
});
