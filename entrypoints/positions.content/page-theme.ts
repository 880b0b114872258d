/**
 * The panel follows the page's theme: trading UIs are mostly dark, and a white card on a dark
 * exchange page is glaring. We look at the first opaque background from <body> up, then at the
 * page's color-scheme, then at the system preference.
 */
import { Decimal } from '../../core/decimal';
import { parseDecimalInput } from '../../core/parse-number';

export type PageTheme = 'dark' | 'light';

/** Channels of "rgb(r, g, b)" / "rgba(r, g, b, a)"; null for transparent or unreadable colours. */
function opaqueChannels(color: string): readonly Decimal[] | null {
  const match = /^rgba?\(([^)]*)\)$/.exec(color.trim());
  if (match === null) return null;
  const parts = (match[1] ?? '').split(/[\s,/]+/).filter((part) => part !== '');
  const channels = parts.map((part) => parseDecimalInput(part));
  if (channels.length < 3 || channels.some((channel) => channel === null)) return null;
  const alpha = channels[3];
  if (alpha?.lt('0.5') === true) return null; // (mostly) transparent: look further up
  return channels.slice(0, 3) as Decimal[];
}

/** Perceived brightness (ITU-R BT.601 weights), 0–255. */
function brightness([red, green, blue]: readonly Decimal[]): Decimal {
  if (red === undefined || green === undefined || blue === undefined) return new Decimal(255);
  return red.times('0.299').plus(green.times('0.587')).plus(blue.times('0.114'));
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
    if (channels !== null) return brightness(channels).lt(128) ? 'dark' : 'light';
  }
  const scheme = getComputedStyle(doc.documentElement).colorScheme;
  if (scheme === 'dark') return 'dark';
  if (scheme === 'light') return 'light';
  return prefersDark() ? 'dark' : 'light';
}
