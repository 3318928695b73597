import bcrypt from 'bcryptjs';
import type { SeedSession } from './bulk-load';
import { AGENT_NAMES, apportion, TIERS, WORKSPACES, workspaceSpecs } from './catalog';
import { csvField } from './bulk-load';
import { createRandom, makeId } from './random';
import type { SeedAgent, SeedWorkspace } from './calls';

const MONTH_MS = 30.44 * 86_400_000;
const OUTBOUND_AGENTS = new Set(['Sales Outreach', 'Renewals', 'Collections', 'Surveys', 'Lead Qualifier']);
const COUNTRY_CODES: Record<string, string> = {
  America: '1', Europe: '49', Asia: '91', Australia: '61', Africa: '254', Pacific: '64', UTC: '44',
};

export type DemoLogin = { email: string; password: string; role: string; workspace?: string };

/** The demo logins the seed creates, without reading the database. */
export function demoLogins(options: { adminEmail: string; adminPassword: string; memberPassword?: string }): DemoLogin[] {
  const password = options.memberPassword ?? 'demo-password';
  return [
    { email: options.adminEmail, password: options.adminPassword, role: 'platform admin' },
    ...WORKSPACES.flatMap((spec) => (['owner', 'member'] as const).map((role) => ({ email: `${role}.${slugify(spec.name)}@example.com`, password, role, workspace: spec.name }))),
  ];
}

export function slugify(name: string): string {
  return name.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[\s_-]+/g, '-');
}

/** Tiers, workspaces, agents, users and memberships. Returns what the call generator needs. */
export async function seedOrganisation(
  session: SeedSession,
  options: { seed: number; nowMs: number; calls: number; workspaces?: number; adminEmail: string; adminPassword: string; memberPassword: string },
): Promise<{ workspaces: SeedWorkspace[]; logins: DemoLogin[] }> {
  const rand = createRandom(options.seed);
  const tierByName = new Map(TIERS.map((t) => [t.tierName, t]));
  await session.copy('subscription_tiers', ['tier_name', 'monthly_fee', 'billing_interval', 'included_minutes', 'markup'],
    TIERS.map((t) => [t.tierName, t.monthlyFee, t.billingInterval, t.includedMinutes, t.markup].join(',')));

  const specs = workspaceSpecs(options.workspaces);
  // Exactly `calls` calls in all: whole shares by largest remainder.
  const callCounts = apportion(options.calls, specs.map((s) => s.weight));
  const workspaces: SeedWorkspace[] = [];
  const workspaceLines: string[] = [];
  const agentLines: string[] = [];
  let agentCounter = 0;
  specs.forEach((spec, index) => {
    const id = makeId(0xa001, index + 1);
    const createdAtMs = Math.round(options.nowMs - spec.ageMonths * MONTH_MS);
    const cancelledAtMs = spec.cancelledMonthsAgo === undefined ? null : Math.round(options.nowMs - spec.cancelledMonthsAgo * MONTH_MS);
    const updatedAtMs = cancelledAtMs ?? createdAtMs;
    workspaceLines.push([
      id, csvField(spec.name), slugify(spec.name), spec.industry, spec.timezone, spec.status, spec.tier,
      new Date(createdAtMs).toISOString(), new Date(updatedAtMs).toISOString(), cancelledAtMs === null ? '' : new Date(cancelledAtMs).toISOString(),
    ].join(','));

    const agentCount = Math.min(15, Math.max(3, Math.round(3 + spec.weight / 2.5 + rand.int(0, 3))));
    const agents: SeedAgent[] = [];
    for (let a = 0; a < agentCount; a++) {
      const agentId = makeId(0xa002, ++agentCounter);
      // One awkward name on purpose: exports and reports must quote and escape it.
      const name = index === 0 && a === agentCount - 1 ? 'Smith, "Jr" Desk' : AGENT_NAMES[(index * 5 + a) % AGENT_NAMES.length]!;
      const agentCreated = createdAtMs + a * 86_400_000;
      // Some agents were retired along the way (never the first: every workspace keeps one).
      const deletedAtMs = a > 0 && rand.chance(0.15) ? Math.round(agentCreated + rand.next() * (options.nowMs - agentCreated) * 0.8) : null;
      agents.push({ id: agentId, name, weight: 0.3 + rand.next() * 2.7, outbound: OUTBOUND_AGENTS.has(name), deletedAtMs });
      agentLines.push([agentId, id, csvField(name), new Date(agentCreated).toISOString(), deletedAtMs === null ? '' : new Date(deletedAtMs).toISOString()].join(','));
    }
    workspaces.push({
      id, index, timezone: spec.timezone, markup: tierByName.get(spec.tier)!.markup, createdAtMs,
      endMs: cancelledAtMs ?? options.nowMs, callCount: callCounts[index]!, agents, spec,
      countryCode: COUNTRY_CODES[spec.timezone.split('/')[0]!] ?? '1',
    });
  });
  await session.copy('workspaces', ['id', 'name', 'slug', 'industry', 'timezone', 'status', 'subscription_tier', 'created_at', 'updated_at', 'cancelled_at'], workspaceLines);
  await session.copy('voice_agents', ['id', 'workspace_id', 'name', 'created_at', 'deleted_at'], agentLines);

  // One hash per password: bcrypt is slow on purpose, and demo users share passwords.
  const adminHash = bcrypt.hashSync(options.adminPassword, 10);
  const memberHash = bcrypt.hashSync(options.memberPassword, 10);
  const logins: DemoLogin[] = [{ email: options.adminEmail, password: options.adminPassword, role: 'platform admin' }];
  const userLines = [[makeId(0xa003, 1), csvField(options.adminEmail), 'Platform Admin', adminHash, 'true'].join(',')];
  const membershipLines: string[] = [];
  let userCounter = 1;
  let membershipCounter = 0;
  specs.forEach((spec, index) => {
    const slug = slugify(spec.name);
    for (const role of ['owner', 'member'] as const) {
      const userId = makeId(0xa003, ++userCounter);
      const email = `${role}.${slug}@example.com`;
      userLines.push([userId, email, csvField(`${spec.name} ${role}`), memberHash, 'false'].join(','));
      membershipLines.push([makeId(0xa004, ++membershipCounter), userId, workspaces[index]!.id, role].join(','));
      logins.push({ email, password: options.memberPassword, role, workspace: spec.name });
      // The first workspace's owner also belongs to two more workspaces (the switcher has something to switch).
      if (index === 0 && role === 'owner') {
        if (specs.length > 1) membershipLines.push([makeId(0xa004, ++membershipCounter), userId, makeId(0xa001, 2), 'member'].join(','));
        if (specs.length > 2) membershipLines.push([makeId(0xa004, ++membershipCounter), userId, makeId(0xa001, 3), 'viewer'].join(','));
      }
    }
  });
  await session.copy('users', ['id', 'email', 'name', 'password_hash', 'is_platform_admin'], userLines);
  await session.copy('memberships', ['id', 'user_id', 'workspace_id', 'role'], membershipLines);
  return { workspaces, logins };
}
