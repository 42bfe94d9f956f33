import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { User, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { useChangeAccountAccess } from './admin-api';

type Props = { user: Wire<User> | null; onClose: () => void };

/** Confirms deactivating or reactivating an account; what happens is said before it happens. */
export function AccountAccessModal({ user, onClose }: Props): ReactElement {
  const deactivating = user?.status !== 'deactivated';
  const mutation = useChangeAccountAccess({
    onSuccess: (changed) => {
      notifications.show({
        color: 'teal',
        title: deactivating ? 'Account deactivated' : 'Account reactivated',
        message: deactivating
          ? `${changed.displayName} can no longer sign in.`
          : `${changed.displayName} can sign in again.`,
      });
      close();
    },
  });

  function close(): void {
    mutation.reset();
    onClose();
  }

  const action = deactivating ? 'Deactivate' : 'Reactivate';
  return (
    <Modal
      opened={user !== null}
      onClose={close}
      title={user ? `${action} ${user.displayName}?` : action}
      centered
    >
      <Stack>
        {deactivating ? (
          <Text>
            They are signed out everywhere at once, their API tokens stop working, and they cannot
            sign in until you reactivate the account. Their records stay as they are.
          </Text>
        ) : (
          <Text>
            They can sign in again with their password. Sessions and API tokens ended by the
            deactivation stay ended.
          </Text>
        )}
        <ErrorAlert error={mutation.error} title={`Could not ${action.toLowerCase()}`} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color={deactivating ? 'red' : 'teal'}
            loading={mutation.isPending}
            onClick={() => user && mutation.mutate({ id: user.id, deactivate: deactivating })}
          >
            {action}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
