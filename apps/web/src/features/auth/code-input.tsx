import { TextInput, type TextInputProps } from '@mantine/core';
import type { ReactElement } from 'react';

/** The six-digit one-time code from an authenticator app. */
export function CodeInput(props: Omit<TextInputProps, 'label'>): ReactElement {
  return (
    <TextInput
      label="Authentication code"
      description="Six digits from your authenticator app"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
      {...props}
    />
  );
}

export function validateCode(value: string): string | null {
  return /^\d{6}$/.test(value.trim()) ? null : 'Enter the six digits shown in your app.';
}
