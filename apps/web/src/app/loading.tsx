import { Box, Loader, type MantineSize, VisuallyHidden } from '@mantine/core';
import type { ReactElement } from 'react';

type Props = { label: string; size?: MantineSize };

/**
 * A spinner that says what is loading. Mantine's Loader is a plain <span>, and aria-label is
 * prohibited on an element without a role (axe `aria-prohibited-attr`, ARIA 1.2 §6.2.2), so the
 * name sits on a `status` live region and the spinner itself is hidden from assistive technology.
 * The visually hidden text is what a screen reader announces; the label names the region.
 */
export function Loading({ label, size }: Props): ReactElement {
  return (
    <Box role="status" aria-label={label}>
      <Loader size={size} aria-hidden />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Box>
  );
}
