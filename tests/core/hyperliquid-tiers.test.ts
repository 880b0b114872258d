/**
 * Hyperliquid mainnet margin tiers beyond BTC/ETH (core/venues/hyperliquid.ts), from the docs page
 * trading/margin-tiers as transcribed in a public file (find_string id 39458853897): SOL 20x to 70M
 * then 10x; XRP 20x to 40M then 10x; DOGE … FARTCOIN 10x to 20M then 5x; OP … DOT 10x to 3M then 5x.
 * Maintenance rate = 1 / (2 × max leverage) (formulas.md §9).
 */
import { describe, expect, it } from 'vitest';
import { estimatePosition, findTierTable } from '../../core/index';

describe('Hyperliquid docs margin tiers', () => {
  it.each([
    ['SOL', '70000000', '0.025', '0.05'],
    ['XRP', '40000000', '0.025', '0.05'],
    ['DOGE', '20000000', '0.05', '0.1'],
    ['kPEPE', '20000000', '0.05', '0.1'],
    ['HYPE', '20000000', '0.05', '0.1'],
    ['FARTCOIN', '20000000', '0.05', '0.1'],
    ['TRX', '3000000', '0.05', '0.1'],
    ['DOT', '3000000', '0.05', '0.1'],
  ])('%s: boundary %s, rates %s then %s', (coin, boundary, low, high) => {
    const table = findTierTable('hyperliquid', coin, 'linear');
    expect(table?.quote).toBe('USDC');
    expect(table?.tiers).toEqual([
      { notionalFloor: '0', notionalCap: boundary, maintenanceMarginRate: low },
      { notionalFloor: boundary, maintenanceMarginRate: high },
    ]);
  });

  it('keeps coins outside the docs table unknown (flat meta tables are not held)', () => {
    expect(findTierTable('hyperliquid', 'ZRO', 'linear')).toBeNull();
  });

  it('estimates a SOL position from the table alone', () => {
    // Isolated long 100 SOL @ 150, margin 1000, mark 150; notional < 70M → MMR 1/40, no deduction.
    // P = (Q·EP − M) / (Q·(1 − MMR)) = (15000 − 1000) / 97.5 = 143.589743589743…
    const outcome = estimatePosition(
      {
        product: 'linear',
        marginMode: 'isolated',
        side: 'long',
        quantity: '100',
        entryPrice: '150',
        markPrice: '150',
        margin: '1000',
        venue: 'hyperliquid',
        symbol: 'SOL',
      },
      {},
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.estimate.liquidationPrice).toBe('143.58974359');
  });
});
