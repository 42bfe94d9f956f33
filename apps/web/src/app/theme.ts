import {
  type CSSVariablesResolver,
  createTheme,
  Modal,
  Notification,
  PasswordInput,
} from '@mantine/core';

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
    // Mantine's close button is an icon with no accessible name (axe: button-name, critical).
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // The same for notifications; their gray-6 description is 3.3:1 on white, below AA.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } },
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    }),
  },
});

// Mantine's default "dimmed" grey is below AA contrast on white; use a darker grey.
// Teal-9 text on Mantine's light-variant teal-1 is 4.33:1 (badges, the active nav link); a
// darker teal text (#06634a) keeps light variants above AA (>6:1) in rest and hover states, and
// the same colour as the filled hover keeps white button text at 7:1 (teal-8 would be 3.95:1).
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-teal-light-color': '#06634a',
    '--mantine-color-teal-filled-hover': '#06634a',
    // Orange-9 on the light orange of a warning is 3.6:1 (axe: color-contrast, on the note
    // editor's warnings); this darker orange is 5.2:1.
    '--mantine-color-orange-light-color': '#a8400c',
  },
  dark: {},
});
