import { Text } from '@mantine/core';
import { type ReactElement, type ReactNode, useId, useRef } from 'react';
import { useOverflowX } from './use-overflow-x';

/**
 * A table wrapper that scrolls sideways on a phone, so the page itself never does. It takes focus
 * so that keyboard users can scroll it (WCAG 2.1.1; axe: scrollable-region-focusable), is named
 * as a region, and says that it scrolls only when it does (issue 9, item 8).
 */
export function ScrollRegion({
  label,
  children,
}: {
  /** What the region holds, e.g. "Users"; the hint is added when it scrolls. */
  label: string;
  children: ReactNode;
}): ReactElement {
  const ref = useRef<HTMLElement>(null);
  const overflows = useOverflowX(ref);
  const hint = useId();
  return (
    <div style={{ minWidth: 0, maxWidth: '100%' }}>
      {overflows && (
        <Text id={hint} size="sm" c="dimmed" mb={4}>
          Swipe or scroll sideways to see more →
        </Text>
      )}
      <section
        ref={ref}
        aria-label={label}
        aria-describedby={overflows ? hint : undefined}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        tabIndex={0}
        data-scroll-region=""
        style={{ overflowX: 'auto', maxWidth: '100%' }}
      >
        {children}
      </section>
    </div>
  );
}
