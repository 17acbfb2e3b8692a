import { createTheme, Loader, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// The brand blue of the logo (#1f4e79) at index 9; contrast against white meets WCAG AA from index 6 up.
const custodia: MantineColorsTuple = [
  '#eaf2fa',
  '#d3e1ef',
  '#a3c1e0',
  '#70a0d1',
  '#4784c4',
  '#2d72bc',
  '#1f63a8',
  '#175591',
  '#114a80',
  '#1f4e79',
];

export const theme = createTheme({
  primaryColor: 'custodia',
  primaryShade: 7,
  colors: { custodia },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'md',
  focusRing: 'auto',
  components: {
    // A loader is a live status: its aria-label (given wherever one shows) is only permitted on an element with a
    // role; without one axe reports aria-prohibited-attr (serious).
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
  },
});

/**
 * Mantine's "dimmed" grey (gray.6) falls short of WCAG AA contrast on white; ours is gray.7 (about 8:1), so
 * secondary text stays readable (axe-core checks it in the end-to-end tests).
 */
/**
 * Status colours (badges, alerts, error text) in darker shades than Mantine's, so their text keeps WCAG AA contrast
 * on white and on their own light tint (checked at 4.5:1 or more): filled backgrounds, light-variant text, and the
 * error colour of fields.
 */
const STATUS_TEXT: Record<string, string> = {
  red: '#a51d1d',
  green: '#1e6b2f',
  yellow: '#7c5800',
  orange: '#9a3412',
  teal: '#0b5f56',
  gray: '#3d434a',
};

export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': resolved.colors.gray[7],
    '--mantine-color-error': STATUS_TEXT.red ?? resolved.colors.red[9],
    ...Object.fromEntries(
      Object.entries(STATUS_TEXT).flatMap(([color, text]) => [
        [`--mantine-color-${color}-light-color`, text],
        [`--mantine-color-${color}-filled`, text],
        [`--mantine-color-${color}-text`, text],
      ]),
    ),
  },
  dark: {},
});
