import { describe, expect, it } from 'vitest';
import {
  positionFromRaw,
  productFromSymbol,
  type RawContext,
  type RawPosition,
} from '../../core/position-from-raw';

/** A readable isolated long as Binance shows it; tests override single fields. */
function fakeRaw(overrides: Partial<Record<string, string | undefined>> = {}): RawPosition {
  const base: Record<string, string> = {
    symbol: 'ETHUSDT',
    side: 'Long',
    size: '2.000 ETH',
    entryPrice: '3,000.00',
    markPrice: '3,100.00',
    leverage: '10x',
    marginMode: 'Isolated',
    margin: '600.00 USDT',
    liquidationPrice: '2,715.00',
  };
  const merged = Object.entries({ ...base, ...overrides }).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  return Object.fromEntries(merged);
}

const BINANCE: RawContext = { venue: 'binance' };

describe('positionFromRaw', () => {
  it('builds a linear isolated input from page texts, the page liq price as a cross-check', () => {
    const outcome = positionFromRaw(fakeRaw(), BINANCE);
    expect(outcome).toEqual({
      ok: true,
      symbol: 'ETHUSDT',
      notes: [],
      input: {
        venue: 'binance',
        symbol: 'ETHUSDT',
        product: 'linear',
        side: 'long',
        marginMode: 'isolated',
        quantity: '2',
        entryPrice: '3000',
        markPrice: '3100',
        leverage: '10',
        margin: '600',
        platformLiquidationPrice: '2715',
      },
    });
  });

  it.each(['symbol', 'size', 'entryPrice', 'marginMode'])(
    'reports a missing %s by name and never defaults it',
    (field) => {
      const outcome = positionFromRaw(fakeRaw({ [field]: undefined }), BINANCE);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.problems).toContainEqual({ field, reason: 'not-found' });
    },
  );

  it('treats "--" as empty and garbage as unparseable', () => {
    const empty = positionFromRaw(fakeRaw({ entryPrice: '--' }), BINANCE);
    const garbage = positionFromRaw(fakeRaw({ size: 'abc' }), BINANCE);
    expect(empty.ok ? [] : empty.problems).toContainEqual({ field: 'entryPrice', reason: 'empty' });
    expect(garbage.ok ? [] : garbage.problems).toContainEqual({
      field: 'size',
      reason: 'unparseable',
    });
  });

  it('refuses a negative or zero price', () => {
    const negative = positionFromRaw(fakeRaw({ entryPrice: '-3,000.00' }), BINANCE);
    const zero = positionFromRaw(fakeRaw({ size: '0 ETH' }), BINANCE);
    expect(negative.ok ? [] : negative.problems).toContainEqual({
      field: 'entryPrice',
      reason: 'invalid',
    });
    expect(zero.ok ? [] : zero.problems).toContainEqual({ field: 'size', reason: 'invalid' });
  });

  it('keeps an empty page liquidation price out of the input, with a note', () => {
    const outcome = positionFromRaw(fakeRaw({ liquidationPrice: '--' }), BINANCE);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.input.platformLiquidationPrice).toBeUndefined();
      expect(outcome.notes).toContain('liquidationPrice-empty');
    }
  });

  it('uses leverage for an isolated position without a margin cell, and says so', () => {
    const outcome = positionFromRaw(fakeRaw({ margin: undefined }), BINANCE);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.input.margin).toBeUndefined();
      expect(outcome.input.leverage).toBe('10');
      expect(outcome.notes).toContain('margin-from-leverage');
    }
  });

  it('reports the margin when neither margin nor leverage is readable', () => {
    const outcome = positionFromRaw(fakeRaw({ margin: undefined, leverage: undefined }), BINANCE);
    expect(outcome.ok ? [] : outcome.problems).toEqual([{ field: 'margin', reason: 'not-found' }]);
  });

  it('needs the wallet balance for a cross position and keeps everything read', () => {
    const outcome = positionFromRaw(fakeRaw({ marginMode: 'Cross 10x' }), BINANCE);
    expect(outcome).toMatchObject({
      ok: false,
      symbol: 'ETHUSDT',
      side: 'long',
      problems: [{ field: 'walletBalance', reason: 'not-found' }],
      partialInput: { marginMode: 'cross', quantity: '2', entryPrice: '3000', leverage: '10' },
    });
  });

  it('takes the wallet balance as cross margin when it is in the settlement asset', () => {
    const ok = positionFromRaw(fakeRaw({ marginMode: '全仓' }), {
      ...BINANCE,
      walletBalance: '10,523.18 USDT',
    });
    const wrongAsset = positionFromRaw(fakeRaw({ marginMode: '全仓' }), {
      ...BINANCE,
      walletBalance: '0.8531 BTC',
    });
    expect(ok.ok && ok.input.margin).toBe('10523.18');
    expect(wrongAsset.ok ? [] : wrongAsset.problems).toEqual([
      { field: 'walletBalance', reason: 'unsupported-unit' },
    ]);
  });

  it('refuses a margin shown in a fiat display currency', () => {
    const outcome = positionFromRaw(fakeRaw({ margin: '€552.10' }), BINANCE);
    expect(outcome.ok ? [] : outcome.problems).toEqual([
      { field: 'margin', reason: 'unsupported-unit' },
    ]);
  });

  describe('side', () => {
    it('follows the sign of the size when no side text is shown', () => {
      const outcome = positionFromRaw(fakeRaw({ side: undefined, size: '-2.000 ETH' }), BINANCE);
      expect(outcome.ok && outcome.input.side).toBe('short');
      expect(outcome.ok && outcome.input.quantity).toBe('2');
    });

    it('falls back to the liquidation geometry, with a note', () => {
      const outcome = positionFromRaw(
        fakeRaw({ side: undefined, liquidationPrice: '3,290.00', margin: '300 USDT' }),
        BINANCE,
      );
      expect(outcome.ok && outcome.input.side).toBe('short');
      expect(outcome.ok && outcome.notes).toContain('side-from-geometry');
    });

    it('reports the side when nothing on the row tells it', () => {
      const outcome = positionFromRaw(
        fakeRaw({ side: undefined, liquidationPrice: '--' }),
        BINANCE,
      );
      expect(outcome.ok ? [] : outcome.problems).toEqual([{ field: 'side', reason: 'not-found' }]);
    });

    it('rejects a text naming both sides', () => {
      const outcome = positionFromRaw(fakeRaw({ side: 'Long / Short' }), BINANCE);
      expect(outcome.ok ? [] : outcome.problems).toContainEqual({
        field: 'side',
        reason: 'invalid',
      });
    });
  });

  describe('size units', () => {
    it('converts contracts with the venue contract size (OKX ctVal)', () => {
      const outcome = positionFromRaw(
        fakeRaw({ symbol: 'BTCUSDT', size: '25 Contracts', margin: '1,792.62 USDT' }),
        { venue: 'okx' },
      );
      expect(outcome.ok && outcome.input.quantity).toBe('0.25');
    });

    it('converts contracts with a contract size from the context', () => {
      const outcome = positionFromRaw(fakeRaw({ size: '150 张' }), {
        venue: 'mexc',
        contractSize: '0.01',
      });
      expect(outcome.ok && outcome.input.quantity).toBe('1.5');
    });

    it('reports a contract size it does not know instead of guessing one', () => {
      const outcome = positionFromRaw(fakeRaw({ symbol: 'PEPEUSDT', size: '12 Cont' }), {
        venue: 'mexc',
      });
      expect(outcome.ok ? [] : outcome.problems).toEqual([
        { field: 'contractSize', reason: 'not-found' },
      ]);
    });

    it('converts a USDT size at the mark price and says so', () => {
      const outcome = positionFromRaw(fakeRaw({ size: '6,200.00 USDT' }), BINANCE);
      expect(outcome.ok && outcome.input.quantity).toBe('2');
      expect(outcome.ok && outcome.notes).toContain('size-from-quote-value-at-mark');
    });

    it('does not convert a USDT size without a mark price', () => {
      const outcome = positionFromRaw(
        fakeRaw({ size: '6,200.00 USDT', markPrice: undefined }),
        BINANCE,
      );
      expect(outcome.ok ? [] : outcome.problems).toEqual([
        { field: 'markPrice', reason: 'not-found' },
      ]);
    });

    it('keeps inverse contracts with their USD value (Binance COIN-M, Bybit inverse)', () => {
      const coinM = positionFromRaw(
        fakeRaw({ symbol: 'BTCUSD', size: '120 Cont', margin: '0.0099 BTC' }),
        BINANCE,
      );
      const bybit = positionFromRaw(
        fakeRaw({ symbol: 'BTCUSD', size: '10,000', margin: '0.0208 BTC' }),
        { venue: 'bybit', sizeUnit: 'quote' },
      );
      expect(
        coinM.ok && [coinM.input.product, coinM.input.quantity, coinM.input.contractSize],
      ).toEqual(['inverse', '120', '100']);
      expect(bybit.ok && [bybit.input.quantity, bybit.input.contractSize]).toEqual(['10000', '1']);
    });

    it('refuses a unit it cannot place', () => {
      const outcome = positionFromRaw(fakeRaw({ size: '2 BTC' }), BINANCE);
      expect(outcome.ok ? [] : outcome.problems).toEqual([
        { field: 'size', reason: 'unsupported-unit' },
      ]);
    });

    it('accepts wrapped coins as the base unit (cbBTC, WETH)', () => {
      const outcome = positionFromRaw(
        fakeRaw({ symbol: 'BTC-USD', size: '0.25 cbBTC', margin: '2,410.00 USDC' }),
        { venue: 'jaspervault' },
      );
      expect(outcome.ok && outcome.input.quantity).toBe('0.25');
    });
  });

  it('parses with the page number format', () => {
    const outcome = positionFromRaw(
      fakeRaw({
        size: '2,5 ETH',
        entryPrice: '3 000,50',
        markPrice: '3 100,00',
        margin: '600,05 USDT',
        liquidationPrice: '2 715,00',
      }),
      { venue: 'mexc', format: { decimalSeparator: ',', groupSeparator: ' ' } },
    );
    expect(
      outcome.ok && [outcome.input.quantity, outcome.input.entryPrice, outcome.input.margin],
    ).toEqual(['2.5', '3000.5', '600.05']);
  });
});

describe('productFromSymbol', () => {
  it.each([
    ['BTCUSDT', undefined, 'linear'],
    ['BTCUSD', undefined, 'inverse'],
    ['BTCUSD_PERP', 'binance', 'inverse'],
    ['BTC-USD-SWAP', 'okx', 'inverse'],
    ['BTC-USDT-SWAP', 'okx', 'linear'],
    ['BTC_USD', 'gate', 'inverse'],
    ['BTC-USD', 'jaspervault', 'linear'],
    ['BTC', 'hyperliquid', 'linear'],
    ['xyz:NVDA', 'hyperliquid', 'linear'],
  ] as const)('%s on %s is %s', (symbol, venue, product) => {
    expect(productFromSymbol(symbol, venue)).toBe(product);
  });
});
