/** Pure helpers for the report pickers (shared by the server page and the client pickers). */
export type PeriodOption = { value: string; label: string };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The `count` months up to and including `current` (`YYYY-MM`), newest first. */
export function monthOptions(current: string, count: number): PeriodOption[] {
  const [year, month] = current.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(year, month - 1 - i, 1));
    const value = date.toISOString().slice(0, 7);
    return { value, label: `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}${i === 0 ? ' (to date)' : ''}` };
  });
}

/** The `count` quarters up to and including the one holding `currentMonth`, newest first. */
export function quarterOptions(currentMonth: string, count: number): PeriodOption[] {
  const [year, month] = currentMonth.split('-').map(Number) as [number, number];
  const index = year * 4 + Math.floor((month - 1) / 3);
  return Array.from({ length: count }, (_, i) => {
    const y = Math.floor((index - i) / 4);
    const q = ((index - i) % 4) + 1;
    return { value: `${y}-Q${q}`, label: `Q${q} ${y} (${MONTHS[(q - 1) * 3]!.slice(0, 3)}–${MONTHS[(q - 1) * 3 + 2]!.slice(0, 3)})${i === 0 ? ' to date' : ''}` };
  });
}

/**
 * First and last local date of a month: the export's inclusive from/to. A month that has
 * not ended stops at `today` (to date), so its file is named for the days it holds.
 */
export function monthDates(month: string, today: string): { first: string; last: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
  return { first: `${month}-01`, last: last > today ? today : last };
}
