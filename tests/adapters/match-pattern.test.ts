/**
 * The content script's own match-pattern check (entrypoints/positions.content/match-pattern.ts)
 * answers as WXT's MatchPattern does, on every adapter's patterns and a spread of URLs around them.
 */
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { ADAPTERS } from '../../entrypoints/positions.content/adapters/index';
import { matchesPattern } from '../../entrypoints/positions.content/match-pattern';

const adapterPatterns = [...new Set(ADAPTERS.flatMap((adapter) => adapter.matches))];

/** Every adapter's example pages, and each host seen with other schemes, subdomains and paths. */
function urlsAround(): string[] {
  const urls = ADAPTERS.flatMap((adapter) => adapter.examples);
  for (const pattern of adapterPatterns) {
    const host = /^[^:]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? 'example.com';
    const bare = host.replace(/^www\./, '');
    urls.push(
      `https://${host}/`,
      `https://${host}/en/futures/BTCUSDT?type=cross#positions`,
      `http://${host}/futures`,
      `https://${bare}/futures`,
      `https://sub.${host}/futures`,
      `https://${host}.evil.example/futures`,
      `https://evil-${bare}/futures`,
      `https://${host}:8443/futures`,
      `https://${host.toUpperCase()}/FUTURES`,
    );
  }
  urls.push('file:///tmp/page.html', 'ftp://www.binance.com/x', 'https://example.com/');
  return urls;
}

const OTHER_PATTERNS = [
  '*://*.binance.com/*',
  'https://*/*',
  '*://*/futures/*',
  'http://www.okx.com/trade-*',
  'https://www.htx.com/futures/*/exchange',
  'https://*.gate.io/zh/*',
];

describe('matchesPattern', () => {
  const urls = urlsAround();

  it('covers every adapter pattern with URLs inside and outside it', () => {
    for (const pattern of adapterPatterns) {
      const answers = urls.map((href) => matchesPattern(pattern, new URL(href)));
      expect(answers.some(Boolean)).toBe(true);
      expect(answers.some((answer) => !answer)).toBe(true);
    }
  });

  it.each([...adapterPatterns, ...OTHER_PATTERNS])(
    'answers as WXT MatchPattern for %s',
    (pattern) => {
      const oracle = new MatchPattern(pattern);
      for (const href of urls) {
        const url = new URL(href);
        // WXT's check throws on ftp: (not implemented there): none of ours is an ftp page.
        if (url.protocol === 'ftp:') continue;
        expect([href, matchesPattern(pattern, url)]).toEqual([href, oracle.includes(href)]);
      }
    },
  );

  it('matches nothing for patterns it does not read (no false positive)', () => {
    const url = new URL('https://www.binance.com/en/futures/BTCUSDT');
    for (const pattern of [
      '<all_urls>',
      'https://www.binance.com',
      'https://www.binance.com:443/*',
      'wss://www.binance.com/*',
      'https://www.*.com/*',
    ]) {
      expect(matchesPattern(pattern, url)).toBe(false);
    }
  });
});
