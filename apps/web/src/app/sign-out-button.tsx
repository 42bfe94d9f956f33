import { Button, type ButtonProps } from '@mantine/core';
import type { ReactElement } from 'react';
import { useNavigate } from 'react-router';
import { useSignOut } from '../features/auth/auth-api';

export function SignOutButton(props: ButtonProps): ReactElement {
  const navigate = useNavigate();
  // Whatever the server says, leave this browser signed out.
  const mutation = useSignOut(() => navigate('/sign-in', { replace: true }));
  return (
    <Button
      variant="default"
      loading={mutation.isPending}
      onClick={() => mutation.mutate()}
      {...props}
    >
      Sign out
    </Button>
  );
}
