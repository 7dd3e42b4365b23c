import { colorsTuple, createTheme, DEFAULT_THEME, NavLink, type CSSVariablesResolver } from '@mantine/core';

// Mantine's darkest green (#2b8a3e) is under 4.5:1 on its own light tint; these two shades are not.
const green = colorsTuple([...DEFAULT_THEME.colors.green.slice(0, 8), '#237032', '#1e6b30']);

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white button text and blue link text above 4.5:1 (WCAG AA); Mantine's default 6 does not.
  primaryShade: { light: 8, dark: 8 },
  colors: { green },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    // The active entry: blue 9 text on a pale tint stays above 4.5:1, hovered or not.
    NavLink: NavLink.extend({
      vars: (_theme, props) =>
        props.active
          ? { root: { '--nl-bg': 'var(--mantine-color-blue-0)', '--nl-hover': 'var(--mantine-color-blue-1)', '--nl-color': 'var(--mantine-color-blue-9)' }, children: {} }
          : { root: {}, children: {} },
    }),
  },
});

const TINTED_COLORS = ['blue', 'red', 'green', 'teal', 'orange', 'gray'] as const;

/**
 * Text in "light" and "outline" variants (alerts, badges, light buttons) uses shade 9, which is at least
 * 4.5:1 on white and on the pale tints; Mantine's default shade 6 is about 3:1. Dimmed and error text
 * likewise move from gray 6 / red 6 to gray 7 / red 9, and placeholders from gray 5 to gray 7.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Placeholders ("Choose a file") are text too: gray 7 instead of Mantine's gray 5 (about 2:1).
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      TINTED_COLORS.flatMap((color) => [
        [`--mantine-color-${color}-light-color`, `var(--mantine-color-${color}-9)`],
        [`--mantine-color-${color}-outline`, `var(--mantine-color-${color}-9)`],
      ]),
    ),
  },
  dark: {},
});
