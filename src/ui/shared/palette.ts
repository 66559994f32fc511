// The charts' colours: Okabe and Ito's palette for colour-blind readers ("Color Universal Design",
// 2008), the vermillion darkened for bad so that it also carries text (≥ 4.5:1 on white). Every
// pair that must be told apart (bad/good, the loss curves) also differs in dash or marker, so no
// reading depends on colour alone. The CSS variables --bad and --good in styles.css hold the same
// values (a unit test checks that and every ratio below).

/** Okabe–Ito colours (hex), and the darkened vermillion used for bad. */
export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  bluishGreen: '#009E73',
  darkVermillion: '#B34700',
} as const;

/** Colours of the two outcomes (same as --bad and --good). */
export const OUTCOME_COLOURS = { bad: OKABE_ITO.darkVermillion, good: OKABE_ITO.blue } as const;

/** Axis lines, reference lines and ticks: 4.5:1 on white (WCAG's 3:1 for graphics, with room). */
export const AXIS_COLOUR = '#767676';

/** The dash of every bad series and of the validation loss: the second cue besides colour. */
export const BAD_DASH = '6 3';

/** WCAG 2.x minimum contrast: 4.5:1 for normal text, 3:1 for graphics and large text. */
export const MIN_TEXT_CONTRAST = 4.5;
/** WCAG 2.x 1.4.11: graphical objects needed to read a chart. */
export const MIN_GRAPHIC_CONTRAST = 3;

/** A "#rgb" or "#rrggbb" colour as 0–255 channels; throws on anything else. */
function channels(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) throw new Error(`Not a hex colour: ${hex}`);
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  return [0, 2, 4].map((at) => Number.parseInt(digits.slice(at, at + 2), 16)) as [number, number, number];
}

/** WCAG 2.x relative luminance of a hex colour (sRGB linearised, Rec. 709 weights). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio of two hex colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
