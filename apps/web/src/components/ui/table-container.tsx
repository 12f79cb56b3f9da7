import { type CSSProperties, type ReactNode, useLayoutEffect, useRef } from 'react';
import './table-container.css';

/**
 * Copies each column's header text onto its cells (data-label), which a phone shows beside the
 * value once the rows are stacked. Runs after every render: rows come and go with the data.
 */
export function useStackedLabels() {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    for (const table of ref.current?.querySelectorAll('table') ?? []) {
      // A header hidden from sight ("Actions" over buttons) labels nothing on screen either.
      const headers = [...table.querySelectorAll('thead tr:first-child > th')].map((th) =>
        th.querySelector('.mantine-VisuallyHidden-root') ? '' : (th.textContent ?? '').trim(),
      );
      for (const row of table.querySelectorAll('tbody > tr')) {
        [...row.children].forEach((cell, i) => {
          const label = headers[i];
          if (!label || row.children.length === 1) cell.removeAttribute('data-label');
          else if (cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
        });
      }
    }
  });
  return ref;
}

/** Where most tables start to scroll sideways: room for four or five short columns. */
export const TABLE_MIN_WIDTH = 560;

/**
 * The box around a plain table: scrolls sideways on a wide screen (keyboard-focusable, named, as a
 * scrollable region must be), and stacks the rows on a phone.
 */
export function TableContainer({
  label,
  minWidth = TABLE_MIN_WIDTH,
  children,
}: {
  /** Names the region for screen readers ("Licenses"). */
  label: string;
  /** The width below which the table scrolls instead of squeezing (wide screens only). */
  minWidth?: number;
  children: ReactNode;
}) {
  const ref = useStackedLabels();
  return (
    <section
      ref={ref}
      className="kd-table-container kd-stacked"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      style={{ '--kd-table-min-width': `${minWidth}px` } as CSSProperties}
    >
      {children}
    </section>
  );
}
