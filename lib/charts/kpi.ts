import { compareDecimal, formatPercent } from './format';

/**
 * "Change vs the previous period" of a KPI card. Relative change for counts, sums and
 * means (null when the previous value is 0: a change from nothing has no percentage);
 * percentage points for rates. `better` says whether a rise is good news, which only
 * decides the colour.
 */
export type KpiChange = {
  direction: 'up' | 'down' | 'flat';
  /** "+12.3%" or "−1.5 pp". */
  text: string;
  /** Accessible wording: "up 12.3% vs previous period". */
  description: string;
  tone: 'good' | 'bad' | 'neutral';
};

export type ChangeKind = 'relative' | 'points';

const MINUS = '\u2212';

export function kpiChange(current: number, previous: number, kind: ChangeKind, better: 'higher' | 'lower' | 'neither' = 'higher'): KpiChange | null {
  if (!Number.isFinite(current) || !Number.isFinite(previous)) return null;
  let delta: number;
  if (kind === 'points') delta = current - previous;
  else if (previous === 0) return null;
  else delta = ((current - previous) / Math.abs(previous)) * 100;
  const rounded = Math.round(delta * 10) / 10;
  const direction = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
  const magnitude = formatPercent(Math.abs(rounded)).replace('%', kind === 'points' ? ' pp' : '%');
  const sign = direction === 'up' ? '+' : direction === 'down' ? MINUS : '±';
  const tone = direction === 'flat' || better === 'neither' ? 'neutral' : (direction === 'up') === (better === 'higher') ? 'good' : 'bad';
  const word = direction === 'flat' ? 'unchanged' : `${direction} ${magnitude}`;
  return { direction, text: `${sign}${magnitude}`, description: `${word} vs previous period`, tone };
}

/** The same for money given as decimal strings; the ratio is for display only. */
export function moneyChange(current: string, previous: string, better: 'higher' | 'lower' | 'neither' = 'neither'): KpiChange | null {
  if (compareDecimal(previous, '0') === 0) return null;
  return kpiChange(Number(current), Number(previous), 'relative', better);
}
