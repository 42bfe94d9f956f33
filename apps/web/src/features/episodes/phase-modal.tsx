import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Phase } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { phaseLabels } from '../../app/phases';
import { useChangePhase } from './episodes-api';

type Props = { episodeId: string; phase: Phase; allowed: readonly Phase[]; onClose: () => void };

/** Phase changes are explicit, with a reason, never a silent status edit (issue 3). */
export function PhaseModal({ episodeId, phase, allowed, onClose }: Props): ReactElement {
  const options = allowed.map((value) => ({ value, label: phaseLabels[value] }));
  const form = useForm({
    initialValues: { to: options[0]?.value ?? '', reason: '' },
    validate: {
      to: (v) => (v ? null : 'Choose the next phase.'),
      reason: (v) => (v.trim() ? null : 'Say why the phase changes; it is kept in the record.'),
    },
  });
  const mutation = useChangePhase(episodeId, { onSuccess: () => onClose() });
  return (
    <Modal opened onClose={onClose} title="Change phase" centered>
      {options.length === 0 ? (
        <Text>This episode is closed. A returning client starts a new episode.</Text>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            mutation.mutate({ to: values.to as Phase, reason: values.reason.trim() }),
          )}
        >
          <Stack>
            <Text size="sm">Currently: {phaseLabels[phase]}</Text>
            <ErrorAlert error={mutation.error} title="Could not change the phase" />
            <Select
              label="New phase"
              data={options}
              allowDeselect={false}
              {...form.getInputProps('to')}
            />
            <Textarea label="Reason" autosize minRows={3} {...form.getInputProps('reason')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                Change phase
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
