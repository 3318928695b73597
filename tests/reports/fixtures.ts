import bcrypt from 'bcryptjs';
import type { Db, Prisma } from '@/lib/db';
import type { TestUser } from '../api/session';

/**
 * Reports world: workspace A in America/New_York (DST starts 2026-03-08) with calls on
 * both sides of March's local boundaries, agents whose names attack CSV and markdown,
 * a deleted agent and calls without an agent, usage and the billing period of March;
 * workspace B (Asia/Kolkata) whose figures must never appear in A's files.
 */
export type ReportsWorld = {
  a: string;
  b: string;
  slugA: string;
  evilAgent: string;
  mdAgent: string;
  deletedAgent: string;
  periodA: string;
  ownerA: TestUser;
  memberB: TestUser;
  /** Calls of A whose local start is in March 2026. */
  marchCallsA: number;
};

export const EVIL_NAME = 'Smith, "Jr"\n=HYPERLINK("x")';
export const MD_NAME = '*Bob* | [x](y)';

const STATUSES = ['completed', 'completed', 'failed', 'no_answer', 'completed', 'in_progress', 'busy', 'canceled'] as const;
const SENTIMENTS = ['positive', 'neutral', 'negative', null] as const;
const PROVIDERS = ['twilio', 'vapi', '=cmd|calc', null] as const;

export async function seedReportsWorld(db: Db): Promise<ReportsWorld> {
  const passwordHash = bcrypt.hashSync('pw', 4);
  const a = await db.workspace.create({ data: { name: 'Acme "Reports" & Co', slug: 'acme-reports', timezone: 'America/New_York', status: 'active', industry: 'dental' } });
  const b = await db.workspace.create({ data: { name: 'Beta', slug: 'beta', timezone: 'Asia/Kolkata', status: 'active' } });
  const ownerA = await db.user.create({ data: { email: 'owner.reports@example.com', passwordHash } });
  const memberB = await db.user.create({ data: { email: 'member.beta@example.com', passwordHash } });
  await db.membership.createMany({
    data: [
      { userId: ownerA.id, workspaceId: a.id, role: 'owner' },
      { userId: memberB.id, workspaceId: b.id, role: 'member' },
    ],
  });
  const evil = await db.voiceAgent.create({ data: { workspaceId: a.id, name: EVIL_NAME } });
  const md = await db.voiceAgent.create({ data: { workspaceId: a.id, name: MD_NAME } });
  const deleted = await db.voiceAgent.create({ data: { workspaceId: a.id, name: 'Gone Agent', deletedAt: new Date('2026-03-20T00:00:00Z') } });
  const agentB = await db.voiceAgent.create({ data: { workspaceId: b.id, name: 'Bela' } });
  const agents = [evil.id, md.id, deleted.id, null];

  // 4 calls a day from local Feb 27 to Apr 2 at 09:00, 13:30, 23:30 (next UTC day) and
  // 00:15 local; several share a start instant so the keyset's id tie-break is exercised.
  const data: Prisma.CallCreateManyInput[] = [];
  let i = 0;
  let march = 0;
  for (let day = Date.UTC(2026, 1, 27); day <= Date.UTC(2026, 3, 2); day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10);
    for (const time of ['09:00:00', '13:30:00', '13:30:00', '23:30:00', '00:15:00']) {
      const startedAt = localInstant(date, time, 'America/New_York');
      const status = STATUSES[i % STATUSES.length]!;
      if (date.startsWith('2026-03')) march += 1;
      data.push({
        workspaceId: a.id,
        agentId: agents[i % agents.length],
        callerNumber: i % 5 === 0 ? '+15550001' : i % 7 === 0 ? null : `555-01${String(i % 100).padStart(2, '0')}`,
        direction: i % 3 === 0 ? 'outbound' : 'inbound',
        status,
        durationSeconds: status === 'in_progress' ? null : 30 + (i % 11) * 17,
        startedAt,
        endedAt: status === 'in_progress' ? null : new Date(startedAt.getTime() + (30 + (i % 11) * 17) * 1000),
        sentiment: SENTIMENTS[i % SENTIMENTS.length],
        voiceProviderUsed: PROVIDERS[i % PROVIDERS.length],
        avgResponseMs: 400 + (i % 9) * 25,
        costTotal: `${(i % 13) + 1}.${String((i * 37) % 1_000_000).padStart(6, '0')}`,
        intent: i % 2 ? 'billing' : 'booking',
      });
      i += 1;
    }
  }
  await db.call.createMany({ data });
  await db.call.createMany({
    data: Array.from({ length: 3 }, (_, k) => ({
      workspaceId: b.id,
      agentId: agentB.id,
      callerNumber: '+9198000',
      direction: 'inbound' as const,
      status: 'completed' as const,
      durationSeconds: 999,
      startedAt: new Date(Date.UTC(2026, 2, 10 + k, 6)),
      voiceProviderUsed: 'beta-provider',
      costTotal: '77.000000',
    })),
  });

  // Usage: one line per provider/type a day across the boundary (created_at decides).
  const usage: Prisma.UsageRecordCreateManyInput[] = [];
  let u = 0;
  for (let day = Date.UTC(2026, 1, 27); day <= Date.UTC(2026, 3, 2); day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10);
    for (const [provider, usageType, time] of [
      ['twilio', 'telephony_minutes', '00:30:00'],
      ['vapi', 'llm_tokens', '12:00:00'],
      ['elevenlabs', 'tts_characters', '23:45:00'],
    ] as const) {
      usage.push({
        workspaceId: a.id,
        provider,
        usageType,
        quantity: String(10 + (u % 7)),
        totalCost: `${(u % 5) + 1}.100000`,
        finalCost: `${(u % 5) + 1}.430000`,
        createdAt: localInstant(date, time, 'America/New_York'),
      });
      u += 1;
    }
  }
  usage.push({ workspaceId: b.id, provider: 'beta-provider', usageType: 'telephony_minutes', quantity: '5', totalCost: '50', finalCost: '77', createdAt: new Date('2026-03-10T06:05:00Z') });
  await db.usageRecord.createMany({ data: usage });

  const periodA = await db.billingPeriod.create({
    data: {
      workspaceId: a.id,
      periodStart: localInstant('2026-03-01', '00:00:00', 'America/New_York'),
      periodEnd: localInstant('2026-04-01', '00:00:00', 'America/New_York'),
      status: 'finalized',
      subscriptionAmount: '99.000000',
      usageAmount: '250.500000',
      totalAmount: '349.500000',
    },
  });
  await db.billingPeriod.create({
    data: {
      workspaceId: a.id,
      periodStart: localInstant('2026-02-01', '00:00:00', 'America/New_York'),
      periodEnd: localInstant('2026-03-01', '00:00:00', 'America/New_York'),
      status: 'paid',
      subscriptionAmount: '99.000000',
      usageAmount: '1.000000',
      totalAmount: '100.000000',
    },
  });

  return {
    a: a.id,
    b: b.id,
    slugA: 'acme-reports',
    evilAgent: evil.id,
    mdAgent: md.id,
    deletedAgent: deleted.id,
    periodA: periodA.id,
    ownerA: { id: ownerA.id, email: ownerA.email },
    memberB: { id: memberB.id, email: memberB.email },
    marchCallsA: march,
  };
}

/** The instant of a wall-clock time in a zone (no DST gap is used by the fixture). */
export function localInstant(date: string, time: string, timeZone: string): Date {
  const guess = new Date(`${date}T${time}Z`);
  const offset = (at: Date) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at);
    const name = parts.find((p) => p.type === 'timeZoneName')!.value; // GMT-05:00
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  };
  const first = new Date(guess.getTime() - offset(guess) * 60_000);
  return new Date(guess.getTime() - offset(first) * 60_000);
}
