import { z } from 'zod';
import { getWorkspaceRangeTotals, resolveRange, type WorkspaceRangeTotals } from '@/lib/analytics';
import { once } from '@/lib/api/query';
import { listAccessibleWorkspaces, type Caller } from '@/lib/auth';
import type { Db } from '@/lib/db';

/** `/workspaces?q=`: a name search of at most 100 characters. */
export const workspaceListQuerySchema = z.object({
  q: once(z.string().max(100, 'must be at most 100 characters')).optional().transform((q) => q?.trim() ?? ''),
});

export type WorkspaceCard = Awaited<ReturnType<typeof listAccessibleWorkspaces>>[number] & { month: WorkspaceRangeTotals };

/**
 * The workspaces a person may open, with calls and billed spend of this month to date in
 * each workspace's own zone, sorted by name in the reader's collation (accents and case
 * are not ordering keys; "Zahnarzt 2" before "Zahnarzt 10"), and the name search applied
 * with the same collation (base letters: "cafe" finds "Café").
 */
export async function listWorkspaceCards(db: Db, caller: Caller, options: { q: string; locale: string; now: Date }): Promise<{ all: number; cards: WorkspaceCard[] }> {
  const workspaces = await listAccessibleWorkspaces(db, caller);
  const collator = new Intl.Collator(options.locale, { sensitivity: 'base', numeric: true });
  const matches = options.q ? workspaces.filter((w) => contains(w.name, options.q, options.locale)) : workspaces;
  // One range per zone: "this month" starts at each zone's own local midnight of the 1st.
  const byZone = new Map<string, typeof matches>();
  for (const w of matches) byZone.set(w.timezone, [...(byZone.get(w.timezone) ?? []), w]);
  const totals = new Map<string, WorkspaceRangeTotals>();
  await Promise.all(
    [...byZone].map(async ([timeZone, group]) => {
      const range = resolveRange({ calendar: 'this_month' }, timeZone, options.now);
      for (const [id, figures] of await getWorkspaceRangeTotals(db, group.map((w) => w.id), range)) totals.set(id, figures);
    }),
  );
  const cards = matches.map((w) => ({ ...w, month: totals.get(w.id) ?? { calls: 0, spend: '0.000000' } }));
  cards.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  return { all: workspaces.length, cards };
}

/** Whether `text` contains `query`, ignoring case and accents (base-letter comparison). */
export function contains(text: string, query: string, locale: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(locale);
  return fold(text).includes(fold(query));
}

/** The first language of an Accept-Language header that Intl can collate, else English. */
export function collationLocale(acceptLanguage: string | null): string {
  const tags = (acceptLanguage ?? '').split(',').map((part) => part.split(';')[0]!.trim()).filter(Boolean);
  for (const tag of tags) {
    try {
      if (Intl.Collator.supportedLocalesOf(tag).length > 0) return tag;
    } catch {
      // Not a well-formed language tag: try the next one.
    }
  }
  return 'en';
}
