/**
 * The panel follows the page's theme: trading UIs are mostly dark, and a white card on a dark
 * exchange page is glaring. We look at the first opaque background from <body> up, then at the
 * page's color-scheme, then at the system preference.
 */
import { compareDecimal } from '../../core/decimal-string';
import { parseNumber } from '../../core/parse-number';

export type PageTheme = 'dark' | 'light';

/** Channels of "rgb(r, g, b)" / "rgba(r, g, b, a)"; null for transparent or unreadable colours. */
function opaqueChannels(color: string): readonly number[] | null {
  const match = /^rgba?\(([^)]*)\)$/.exec(color.trim());
  if (match === null) return null;
  const parts = (match[1] ?? '').split(/[\s,/]+/).filter((part) => part !== '');
  // Plain numbers only ("12", "0.5"): a unit or percent is not a channel we can read.
  const channels = parts.map((part) => {
    const parsed = parseNumber(part);
    return parsed.ok && parsed.unit === null ? parsed.value : null;
  });
  if (channels.length < 3 || channels.some((channel) => channel === null)) return null;
  const alpha = channels[3];
  if (alpha != null && compareDecimal(alpha, '0.5') < 0) return null; // (mostly) transparent
  // Colour channels are not money: a float luminance is exact enough to tell dark from light, and
  // keeps decimal.js out of the content script (design.md §6). The text was parsed above.
  // eslint-disable-next-line no-restricted-syntax
  return (channels.slice(0, 3) as string[]).map((channel) => Number(channel));
}

/** Perceived brightness (ITU-R BT.601 weights), 0–255. */
function brightness([red, green, blue]: readonly number[]): number {
  if (red === undefined || green === undefined || blue === undefined) return 255;
  return red * 0.299 + green * 0.587 + blue * 0.114;
}

/**
 * @param readBackground the computed background colour of an element (getComputedStyle in the page)
 * @returns 'dark' when the page's effective background is dark
 */
export function detectPageTheme(
  doc: Document,
  readBackground: (element: Element) => string = (element) =>
    getComputedStyle(element).backgroundColor,
  prefersDark: () => boolean = () => matchMedia('(prefers-color-scheme: dark)').matches,
): PageTheme {
  const candidates = [doc.body, doc.documentElement];
  for (const element of candidates) {
    const channels = opaqueChannels(readBackground(element));
    if (channels !== null) return brightness(channels) < 128 ? 'dark' : 'light';
  }
  const scheme = getComputedStyle(doc.documentElement).colorScheme;
  if (scheme === 'dark') return 'dark';
  if (scheme === 'light') return 'light';
  return prefersDark() ? 'dark' : 'light';
}
