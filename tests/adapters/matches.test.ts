/**
 * URL cross-matrix (style.md §4.6, refined-github's github-url-detection): each adapter accepts its
 * own examples and rejects every other adapter's; non-futures pages of listed hosts are rejected.
 */
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import {
  adapterAccepts,
  ADAPTERS,
  ALL_MATCH_PATTERNS,
  findAdapter,
} from '../../entrypoints/positions.content/adapters';

describe('adapter URL rules', () => {
  for (const adapter of ADAPTERS) {
    describe(adapter.id, () => {
      for (const example of adapter.examples) {
        it(`accepts its example ${example}`, () => {
          expect(adapterAccepts(adapter, new URL(example))).toBe(true);
          expect(findAdapter(example)?.id).toBe(adapter.id);
        });
      }
      for (const other of ADAPTERS.filter((candidate) => candidate !== adapter)) {
        it(`rejects every example of ${other.id}`, () => {
          for (const example of other.examples) {
            expect(adapterAccepts(adapter, new URL(example))).toBe(false);
          }
        });
      }
    });
  }
});

describe('findAdapter', () => {
  it.each([
    'https://www.binance.com/en/my/wallet/futures/BTCUSDT',
    'https://www.binance.com/en/markets/overview',
    'https://www.okx.com/trade-spot/btc-usdt',
    'https://www.bybit.com/en/assets/overview',
    'https://www.gate.com/trade/BTC_USDT',
    'https://www.mexc.com/exchange/BTC_USDT',
    'https://www.htx.com/en-us/trade/btc_usdt',
    'https://app.hyperliquid.xyz/vaults',
    'https://beta.jaspervault.io/#/options',
    'https://example.com/futures/BTCUSDT',
    'not a url',
  ])('returns null for %s', (url) => {
    expect(findAdapter(url)).toBeNull();
  });

  it('follows hash routes (HTX symbol and JasperVault route live in the hash)', () => {
    expect(findAdapter(new URL('https://beta.jaspervault.io/#/perps/Base_cbBTC'))?.id).toBe(
      'jaspervault',
    );
    expect(findAdapter('https://beta.jaspervault.io/')).toBeNull();
    expect(
      findAdapter('https://www.htx.com/futures/linear_swap/exchange#contract_code=SOL-USDT')?.id,
    ).toBe('htx');
  });
});

describe('ALL_MATCH_PATTERNS', () => {
  it('is sorted, de-duplicated, valid, and covers every example', () => {
    expect([...ALL_MATCH_PATTERNS]).toEqual([...new Set(ALL_MATCH_PATTERNS)].sort());
    const patterns = ALL_MATCH_PATTERNS.map((pattern) => new MatchPattern(pattern));
    for (const adapter of ADAPTERS) {
      for (const example of adapter.examples) {
        expect(patterns.some((pattern) => pattern.includes(example))).toBe(true);
      }
    }
  });

  it('asks for exchange hosts only (no wildcard hosts, https only)', () => {
    for (const pattern of ALL_MATCH_PATTERNS) {
      expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
    }
  });
});
