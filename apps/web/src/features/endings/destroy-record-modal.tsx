import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { RetentionDueItem, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { applyFieldErrors } from '../../app/field-errors';
import { useDestroyEpisode } from './endings-api';

type Props = { item: Wire<RetentionDueItem>; onClose: () => void };

/** Destroying a record past its retention date, confirmed by typing the client's name. */
export function DestroyRecordModal({ item, onClose }: Props): ReactElement {
  const form = useForm({
    initialValues: { confirm: '' },
    validate: {
      confirm: (v) =>
        v.trim() === item.clientName ? null : `Type ${item.clientName} exactly to confirm.`,
    },
  });
  const mutation = useDestroyEpisode(item.episodeId, {
    onSuccess: () => {
      notifications.show({
        color: 'teal',
        message: `The record of ${item.clientName} is destroyed.`,
      });
      onClose();
    },
    onError: (error) => applyFieldErrors(form, error, ['confirm']),
  });
  return (
    <Modal opened onClose={onClose} title="Destroy this record" centered>
      <form noValidate onSubmit={form.onSubmit((v) => mutation.mutate(v.confirm.trim()))}>
        <Stack>
          <Alert color="red" title="This cannot be undone">
            <Text size="sm">Erased for good, for this episode of {item.clientName}:</Text>
            <List size="sm">
              <List.Item>notes, private notes and their addenda</List.Item>
              <List.Item>questionnaires and scores, goals and reviews</List.Item>
              <List.Item>messages, threads, homework and files</List.Item>
              <List.Item>agreements, sessions and the ending's details</List.Item>
            </List>
            <Text size="sm" mt="xs">
              Kept: the audit trail, the bare episode (dates and therapist) and a record of this
              destruction — who, when and how much was erased.
            </Text>
          </Alert>
          <ErrorAlert error={mutation.error} title="Could not destroy the record" />
          <TextInput
            label={`Type the client's name to confirm: ${item.clientName}`}
            autoComplete="off"
            {...form.getInputProps('confirm')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={mutation.isPending}>
              Destroy the record
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
