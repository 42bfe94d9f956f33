import { PasswordInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { ReactElement } from 'react';
import { NEW_PASSWORD_HINT } from './new-password';

type Form = {
  getInputProps: (path: 'password' | 'confirm') => GetInputPropsReturnType;
};

/** A new password and its confirmation, as every page that sets one asks for them. */
export function NewPasswordFields({ form }: { form: Form }): ReactElement {
  return (
    <>
      <PasswordInput
        label="Password"
        description={NEW_PASSWORD_HINT}
        autoComplete="new-password"
        {...form.getInputProps('password')}
      />
      <PasswordInput
        label="Confirm password"
        autoComplete="new-password"
        {...form.getInputProps('confirm')}
      />
    </>
  );
}
