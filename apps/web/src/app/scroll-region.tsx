import type { ReactElement, ReactNode } from 'react';

/**
 * A table wrapper that scrolls sideways on a phone. It takes focus so that keyboard users can
 * scroll it (WCAG 2.1.1; axe: scrollable-region-focusable), and is named as a region.
 */
export function ScrollRegion({
  label,
  children,
}: {
  label: string;
  children: ReactNode;
}): ReactElement {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </section>
  );
}
