import { describe, expect, it } from 'vitest';
import { detectPageTheme } from '../../entrypoints/positions.content/page-theme';

function themeWith(backgrounds: { body: string; html: string }, prefersDark = false) {
  return detectPageTheme(
    document,
    (element) => (element === document.body ? backgrounds.body : backgrounds.html),
    () => prefersDark,
  );
}

describe('detectPageTheme', () => {
  it('returns dark for a dark trading page background', () => {
    expect(themeWith({ body: 'rgb(11, 14, 17)', html: 'rgba(0, 0, 0, 0)' })).toBe('dark');
  });

  it('returns light for a white page', () => {
    expect(themeWith({ body: 'rgb(255, 255, 255)', html: 'rgba(0, 0, 0, 0)' })).toBe('light');
  });

  it('looks past a transparent body to the html background', () => {
    expect(themeWith({ body: 'rgba(0, 0, 0, 0)', html: 'rgb(24, 26, 32)' })).toBe('dark');
  });

  it('falls back to the system preference when nothing is opaque', () => {
    const transparent = { body: 'rgba(0, 0, 0, 0)', html: 'transparent' };
    expect(themeWith(transparent, true)).toBe('dark');
    expect(themeWith(transparent, false)).toBe('light');
  });
});
