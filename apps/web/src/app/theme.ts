import { type CSSVariablesResolver, createTheme, PasswordInput } from '@mantine/core';

// Teal at shade 9 keeps white-on-primary and primary-on-white text above WCAG AA (5:1).
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 5 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '600' },
  focusRing: 'auto',
  components: {
    // The default toggle name contains "password", which makes the field's label ambiguous
    // for assistive technology and for tests that find inputs by label.
    PasswordInput: PasswordInput.extend({
      defaultProps: {
        visibilityToggleButtonProps: { 'aria-label': 'Show or hide what you typed' },
      },
    }),
  },
});

// Mantine's default "dimmed" grey is below AA contrast on white; use a darker grey.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
