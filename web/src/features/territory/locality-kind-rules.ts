/** The API's rules for a kind's code and colour (contracts' localityKindCreateSchema), checked before sending. */
export const isKindCode = (code: string) => /^[a-z][a-z0-9_]{0,39}$/.test(code);
export const isKindColor = (color: string) => /^#[0-9a-f]{6}$/.test(color);

/**
 * Colours offered for a kind: dark and saturated enough to stay visible as an outline on the light
 * map background (3:1, WCAG 1.4.11) while the fill is drawn translucent.
 */
export const KIND_SWATCHES = ['#c92a2a', '#d9480f', '#e67700', '#2b8a3e', '#0b7285', '#1864ab', '#5f3dc4', '#a61e4d'] as const;
