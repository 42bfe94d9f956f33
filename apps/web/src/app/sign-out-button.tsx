import { Button, type ButtonProps } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useNavigate } from 'react-router';
import { markSignedOut } from '../api/session';
import { signOut } from '../features/auth/auth-api';

export function SignOutButton(props: ButtonProps): ReactElement {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: signOut,
    meta: { allowUnauthorized: true },
    // Whatever the server says, leave this browser signed out.
    onSettled: () => {
      markSignedOut();
      navigate('/sign-in', { replace: true });
      queryClient.clear();
    },
  });
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
