import { Button, Group, Modal, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import type { LeaveGuard } from './use-leave-guard';

/** Asked when a link is followed but the last changes could not be saved. */
export function LeaveWarning({ guard }: { guard: LeaveGuard }): ReactElement {
  return (
    <Modal
      opened={guard.asking}
      onClose={guard.stay}
      title="Your last changes are not saved"
      centered
    >
      <Text>
        They could not be saved just now. Stay on this page to try again, or leave without them.
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={guard.leave}>
          Leave without saving
        </Button>
        <Button onClick={guard.stay} data-autofocus>
          Stay on this page
        </Button>
      </Group>
    </Modal>
  );
}
