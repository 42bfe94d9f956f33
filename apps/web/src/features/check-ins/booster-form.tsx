import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { zoneSuffix } from '../../app/format';
import { viewerTimeZone } from '../../app/time-zones';
import { useOfferBooster } from './check-ins-api';

/** "Offer a booster session": when it starts, in the therapist's zone; booked in the episode. */
export function BoosterForm({
  episodeId,
  queueItemId,
  onDone,
}: {
  episodeId: string;
  queueItemId: string;
  onDone: () => void;
}): ReactElement {
  const offer = useOfferBooster();
  const form = useForm({
    initialValues: { startsAt: '' },
    validate: {
      startsAt: (v) =>
        !v
          ? 'Choose when the session starts.'
          : new Date(v).getTime() <= Date.now()
            ? 'Choose a time in the future.'
            : null,
    },
  });
  const onSubmit = form.onSubmit((v) =>
    offer.mutate(
      { episodeId, queueItemId, startsAt: new Date(v.startsAt).toISOString() },
      { onSuccess: onDone },
    ),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs">
        <TextInput
          type="datetime-local"
          label={`Starts at (${zoneSuffix(viewerTimeZone())})`}
          description="A 50-minute session in this aftercare episode; the client sees it in their portal."
          {...form.getInputProps('startsAt')}
        />
        <ErrorAlert error={offer.error} title="Could not book the booster session" />
        <Group>
          <Button type="submit" loading={offer.isPending}>
            Book the booster session
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
