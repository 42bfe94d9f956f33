import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { EndingKind, Phase } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../app/error-alert';
import {
  ENDING_PARTS,
  type EndingFormValues,
  emptyEnding,
  fieldForErrorPath,
  kindOptions,
  toEndingRequest,
} from './ending-kinds';
import { EndingPartFields } from './ending-parts';
import { useRecordEnding } from './endings-api';

type Props = { episodeId: string; phase: Phase; onClose: () => void };

/**
 * "End therapy": the kind of ending, its reason and what that kind needs, recorded in one step
 * that also moves the phase (never a silent flip; docs/ending.md "Other endings").
 */
export function EndTherapyModal({ episodeId, phase, onClose }: Props): ReactElement {
  const kinds = kindOptions(phase);
  const form = useForm<EndingFormValues>({
    initialValues: emptyEnding(kinds.length === 1 ? (kinds[0]?.value ?? '') : ''),
    validate: {
      kind: (v) => (v ? null : 'Choose how therapy ended.'),
      grounds: (v, values) =>
        values.kind === 'therapist-initiated' && !v ? 'Choose why therapy ends.' : null,
      of: (v, values) =>
        values.kind === 'death-or-incapacity' && !v ? 'Choose whose death or incapacity.' : null,
    },
  });
  const mutation = useRecordEnding(episodeId, {
    onSuccess: () => onClose(),
    onError: (error) => {
      if (!isApiError(error)) return;
      for (const item of error.problem?.errors ?? []) {
        form.setFieldError(fieldForErrorPath(item.path), item.message);
      }
    },
  });
  const kind = form.getValues().kind;
  const parts = kind ? ENDING_PARTS[kind] : [];

  return (
    <Modal opened onClose={onClose} title="End therapy" centered size="lg">
      {kinds.length === 0 ? (
        <Text>How this episode ended is already recorded.</Text>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => mutation.mutate(toEndingRequest(values)))}
        >
          <Stack>
            <Text size="sm">
              Recording how therapy ended is kept in the record with its reason.{' '}
              {kind === 'planned'
                ? 'The episode moves to aftercare, with the check-ins you agreed.'
                : 'This closes the episode.'}
            </Text>
            <ErrorAlert error={mutation.error} title="Could not record the ending" />
            <Select
              label="How therapy ended"
              data={kinds}
              allowDeselect={false}
              {...form.getInputProps('kind')}
              onChange={(value) => form.setFieldValue('kind', (value ?? '') as EndingKind)}
            />
            <Textarea label="Reason" autosize minRows={3} {...form.getInputProps('reason')} />
            {parts.map((part) => (
              <EndingPartFields key={part} part={part} form={form} />
            ))}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" color="red" loading={mutation.isPending}>
                Record the ending
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
