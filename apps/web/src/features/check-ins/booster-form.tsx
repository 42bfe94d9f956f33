import { Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { BOOSTER_MINUTES } from '@throughline/contracts';
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
  const { min, max, fallback } = BOOSTER_MINUTES;
  const form = useForm({
    initialValues: { startsAt: '', minutes: '' as number | string },
    validate: {
      startsAt: (v) =>
        !v
          ? 'Choose when the session starts.'
          : new Date(v).getTime() <= Date.now()
            ? 'Choose a time in the future.'
            : null,
      minutes: (v) =>
        v === '' || (Number.isInteger(Number(v)) && Number(v) >= min && Number(v) <= max)
          ? null
          : `Between ${min} and ${max} minutes, or leave it empty.`,
    },
  });
  const onSubmit = form.onSubmit((v) =>
    offer.mutate(
      {
        episodeId,
        queueItemId,
        startsAt: new Date(v.startsAt).toISOString(),
        ...(v.minutes === '' ? {} : { durationMinutes: Number(v.minutes) }),
      },
      { onSuccess: onDone },
    ),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs">
        <TextInput
          type="datetime-local"
          label={`Starts at (${zoneSuffix(viewerTimeZone())})`}
          description="A session in this aftercare episode; the client sees it in their portal."
          {...form.getInputProps('startsAt')}
        />
        <NumberInput
          label="Length (minutes)"
          description={`${min} to ${max} minutes. Left empty, as long as this client's usual session (${fallback} minutes if there is none).`}
          min={min}
          max={max}
          step={5}
          allowDecimal={false}
          w={200}
          {...form.getInputProps('minutes')}
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
