/**
 * WCAG AA contrast for the theme tokens (components/theme.css), in the light and the dark theme:
 * body and muted text and the level colours >= 4.5:1 on the backgrounds they are drawn on; focus
 * ring and bar fills >= 3:1 (WCAG 1.4.11, non-text). Formula: https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CSS = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../components/theme.css'),
  'utf8',
);

function tokens(block: string): Record<string, string> {
  return Object.fromEntries(
    [...block.matchAll(/(--ls-[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((match) => [match[1]!, match[2]!]),
  );
}

const darkStart = CSS.indexOf('@media (prefers-color-scheme: dark)');
const LIGHT = tokens(CSS.slice(0, darkStart));
const DARK = { ...LIGHT, ...tokens(CSS.slice(darkStart)) };

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const TEXT = [
  '--ls-text',
  '--ls-text-muted',
  '--ls-accent',
  '--ls-safe',
  '--ls-warning',
  '--ls-danger',
];
const BACKGROUNDS = ['--ls-bg', '--ls-surface', '--ls-surface-raised'];
const NON_TEXT = ['--ls-focus', '--ls-safe-fill', '--ls-warning-fill', '--ls-danger-fill'];

describe.each([
  ['light', LIGHT],
  ['dark', DARK],
] as const)('the %s theme', (_name, theme) => {
  it.each(TEXT.flatMap((text) => BACKGROUNDS.map((background) => [text, background])))(
    '%s on %s has at least 4.5:1',
    (text, background) => {
      expect(contrast(theme[text]!, theme[background]!)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('has text on the error background and on the accent at 4.5:1 or more', () => {
    expect(contrast(theme['--ls-text']!, theme['--ls-error-bg']!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(theme['--ls-danger']!, theme['--ls-error-bg']!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(theme['--ls-accent-text']!, theme['--ls-accent']!)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(NON_TEXT)('%s stands out from the background at 3:1 or more', (token) => {
    expect(contrast(theme[token]!, theme['--ls-bg']!)).toBeGreaterThanOrEqual(3);
  });
});
