/** The MRR page's months and zone: a plain GET form (works without JavaScript; the URL holds the state). */
export function MrrMonthsForm({ from, to, timeZone }: { from: string; to: string; timeZone: string }) {
  const field = 'mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
  return (
    <form method="get" action="/admin/mrr" className="flex flex-wrap items-end gap-3" aria-label="Months and time zone">
      <div>
        <label htmlFor="mrr-from" className="block text-xs font-medium text-slate-700">
          From month
        </label>
        <input id="mrr-from" name="from" type="month" defaultValue={from} required className={field} />
      </div>
      <div>
        <label htmlFor="mrr-to" className="block text-xs font-medium text-slate-700">
          To month
        </label>
        <input id="mrr-to" name="to" type="month" defaultValue={to} required className={field} />
      </div>
      <div>
        <label htmlFor="mrr-zone" className="block text-xs font-medium text-slate-700">
          Time zone
        </label>
        <input id="mrr-zone" name="timeZone" type="text" defaultValue={timeZone} list="mrr-zones" className={`${field} w-44`} />
        <datalist id="mrr-zones">
          {['UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney'].map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </div>
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
        Show
      </button>
    </form>
  );
}
