import { useId } from 'react';

/**
 * An "ⓘ" button whose tooltip explains a figure. The tooltip shows on hover and on
 * keyboard focus (CSS only, so it works in server components), and is the button's
 * accessible description, so screen readers announce it too.
 */
export function Definition({ term, text, align = 'left' }: { term: string; text: string; align?: 'left' | 'right' }) {
  const id = useId();
  return (
    <span className="group relative inline-flex align-middle">
      <button
        type="button"
        aria-label={`How is “${term}” computed?`}
        aria-describedby={id}
        className="inline-flex h-5 w-5 items-center justify-center rounded-full text-xs font-semibold text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:bg-slate-100 focus-visible:text-slate-700"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          <path fillRule="evenodd" d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.25v3a.75.75 0 0 0 1.5 0v-3.75A.75.75 0 0 0 10 9H9Z" clipRule="evenodd" />
        </svg>
      </button>
      <span
        role="tooltip"
        id={id}
        // display:none while hidden (not visibility:hidden), so a tooltip near the edge never widens the page.
        // On phones it opens as a banner across the top of the screen, so none sticks out of the viewport.
        className={`pointer-events-none absolute top-6 z-30 hidden w-64 max-w-[75vw] max-sm:fixed max-sm:inset-x-4 max-sm:top-4 max-sm:w-auto max-sm:max-w-none rounded-md bg-slate-900 px-3 py-2 text-left text-xs font-normal normal-case leading-relaxed tracking-normal text-white shadow-lg group-focus-within:block group-hover:block ${align === 'right' ? 'right-0' : 'left-0'}`}
      >
        {text}
      </span>
    </span>
  );
}
