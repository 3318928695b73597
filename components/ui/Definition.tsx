'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { Explanation } from '@/lib/definitions';

/**
 * An "ⓘ" button that explains a figure. Hover or keyboard focus shows the plain words in a
 * tooltip (the button's accessible description, so screen readers hear them too); a click
 * (or Enter) opens the exact formula beneath them: a disclosure with aria-expanded, closed
 * again by a second click, Escape or a click elsewhere.
 */
export function Definition({ term, text, align = 'left' }: { term: string; text: Explanation; align?: 'left' | 'right' }) {
  const id = useId();
  const panelId = `${id}-formula`;
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { plain, formula } = typeof text === 'string' ? { plain: text, formula: null } : text;

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <span ref={root} className="group relative inline-flex align-middle">
      <button
        ref={button}
        type="button"
        aria-label={`How is “${term}” computed?`}
        aria-describedby={id}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex h-6 w-6 items-center justify-center rounded-full text-xs font-semibold text-slate-500 hover:bg-slate-100 hover:text-slate-700 focus-visible:bg-slate-100 focus-visible:text-slate-700 aria-expanded:bg-slate-100 aria-expanded:text-slate-800"
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
        className={`pointer-events-none absolute top-6 z-30 hidden w-64 max-w-[75vw] max-sm:fixed max-sm:inset-x-4 max-sm:top-4 max-sm:w-auto max-sm:max-w-none rounded-md bg-slate-900 px-3 py-2 text-left text-xs font-normal normal-case leading-relaxed tracking-normal text-white shadow-lg ${open ? '' : 'group-focus-within:block group-hover:block'} ${align === 'right' ? 'right-0' : 'left-0'}`}
      >
        {plain}
        {formula ? <span className="mt-1 block text-slate-300">Select for the formula.</span> : null}
      </span>
      <span
        id={panelId}
        hidden={!open}
        className={`absolute top-7 z-40 w-72 max-w-[80vw] rounded-md border border-slate-200 bg-white px-3 py-2 text-left text-xs font-normal normal-case leading-relaxed tracking-normal text-slate-700 shadow-lg ${align === 'right' ? 'right-0' : 'left-0'}`}
      >
        <span className="block text-slate-900">{plain}</span>
        {formula ? (
          <span className="mt-1.5 block border-t border-slate-100 pt-1.5">
            <span className="font-semibold text-slate-900">How it is computed: </span>
            {formula}
          </span>
        ) : null}
      </span>
    </span>
  );
}
