import { ActionIcon, Button, Group, Stack } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';

type Props<T> = {
  /** The rows as they are now. */
  items: readonly T[];
  /** A stable React key for row `i` (for Mantine forms, `form.key(\`path.${i}\`)`). */
  rowKey: (item: T, i: number) => string;
  /** The fields of one row. */
  renderRow: (item: T, i: number) => ReactNode;
  /** The accessible name of the remove button of row `i`, e.g. "Remove step 2". */
  removeLabel: (item: T, i: number) => string;
  onRemove: (i: number) => void;
  /** The add button's words, e.g. "Add a referral". */
  addLabel: string;
  onAdd: () => void;
  /** Fewest rows the list keeps: rows cannot be removed below it (default 0). */
  min?: number;
};

/**
 * A list of rows the user adds to and removes from: one row of fields per item, a "×" button
 * named for its row, and an add button under the list. Used by every form that edits a list
 * (the ending plan's taper and referrals, the contact agreement's hours, an ending's outreach
 * attempts and referrals), so they look and behave the same.
 */
export function ListEditor<T>({
  items,
  rowKey,
  renderRow,
  removeLabel,
  onRemove,
  addLabel,
  onAdd,
  min = 0,
}: Props<T>): ReactElement {
  return (
    <Stack gap="xs">
      {items.map((item, i) => (
        <Group key={rowKey(item, i)} gap="xs" align="flex-end" wrap="wrap">
          {renderRow(item, i)}
          {items.length > min && (
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={removeLabel(item, i)}
              onClick={() => onRemove(i)}
            >
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={onAdd}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}
