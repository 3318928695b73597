/** A call's instant in the workspace's zone, with the year and seconds: "Mar 5, 2026, 14:07:09". */
export function formatCallInstant(instant: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}
