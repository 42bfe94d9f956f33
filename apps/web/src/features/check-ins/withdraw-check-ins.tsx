import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { useWithdrawCheckIns } from './check-ins-api';

/** Stop check-ins: a confirmation that says what stops, then the withdrawal. */
export function WithdrawCheckIns({
  episodeId,
  onDone,
}: {
  episodeId: string;
  onDone?: () => void;
}): ReactElement {
  const [open, setOpen] = useState(false);
  const [stopped, setStopped] = useState<number | null>(null);
  const withdraw = useWithdrawCheckIns();
  if (stopped !== null)
    return (
      <Text role="status">
        Check-ins are stopped.{' '}
        {stopped === 1
          ? 'One check-in still to come was'
          : `${stopped} check-ins still to come were`}{' '}
        cancelled. You can still message your therapist or come back at any time.
      </Text>
    );
  return (
    <>
      <Button variant="subtle" color="gray" onClick={() => setOpen(true)}>
        Stop my check-ins
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Stop your check-ins?">
        <Stack>
          <Text>
            This ends your consent to check-ins. Every check-in still to come is cancelled and you
            will get no more invitations or reminders for them. Answers you already sent stay in
            your record.
          </Text>
          <Text>You can still message your therapist, and you can come back at any time.</Text>
          <ErrorAlert error={withdraw.error} title="Could not stop your check-ins" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Keep them
            </Button>
            <Button
              color="red"
              loading={withdraw.isPending}
              onClick={() =>
                withdraw.mutate(
                  { episodeId },
                  {
                    onSuccess: (r) => {
                      setOpen(false);
                      setStopped(r.cancelled);
                      onDone?.();
                    },
                  },
                )
              }
            >
              Stop check-ins
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
