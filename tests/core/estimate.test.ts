/**
 * estimatePosition beyond the public vectors: further published figures (cited per case), tiers,
 * conventions, buffer, cross-check, remedies and the explain view.
 */
import { describe, expect, it } from 'vitest';
import type { Estimate, PositionInput, TierInput } from '../../core/contract';
import { Decimal } from '../../core/decimal';
import { estimatePosition } from '../../core/index';

function estimateOf(input: PositionInput, options = {}): Estimate {
  const outcome = estimatePosition(input, options);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.estimate;
}

function expectClose(
  actual: string | null | undefined,
  expected: string,
  relativeTolerance: string,
): void {
  expect(actual).toBeTypeOf('string');
  const error = new Decimal(actual ?? '0').minus(expected).div(expected).abs();
  expect(error.lte(relativeTolerance)).toBe(true);
}

// [name, source, input, printed liquidation price, relative tolerance]
const CITED: readonly (readonly [string, string, PositionInput, string, string])[] = [
  [
    'Binance USDⓈ-M cross worked example, ETH leg',
    'Binance FAQ b3c689c1f50a44cabb3a84e663b81d93 via freqtrade tests/exchange/test_binance.py (formulas.md §1)',
    {
      product: 'linear',
      marginMode: 'cross',
      side: 'long',
      quantity: '3683.979',
      entryPrice: '1456.84',
      markPrice: '1335.18',
      margin: '1535443.01',
      maintenanceMarginRate: '0.1',
      maintenanceAmount: '135365',
      // TMM1 = BTC MM = 3,500,032.458 × 2.5 % − 16,300; UPNL1 = BTC uPnL = 109.488 × (31967.27 − 32481.98).
      otherMaintenanceMargin: '71200.81145',
      otherUnrealizedPnl: '-56354.57',
    },
    '1153.26',
    '1e-5',
  ],
  [
    'Binance COIN-M calculator',
    'dev.binance.vision/t/6292: WB 101 BTC, 100,000 × 100 USD long @ 45,000, MMR 12.5 %, cum 11.605 BTC (formulas.md §2)',
    {
      product: 'inverse',
      marginMode: 'isolated',
      side: 'long',
      quantity: '100000',
      contractSize: '100',
      entryPrice: '45000',
      margin: '101',
      maintenanceMarginRate: '0.125',
      maintenanceAmount: '11.605',
    },
    '33599.40',
    '1e-6',
  ],
  [
    'OKX inverse isolated, third-party OKX calculator',
    'sw6e.com/12271.html: 100 × 100 USD BTCUSD @ 10,000, margin 0.1 BTC, MMR 0.4 % + taker 0.05 % (formulas.md §4)',
    {
      product: 'inverse',
      marginMode: 'isolated',
      side: 'long',
      quantity: '100',
      contractSize: '100',
      entryPrice: '10000',
      margin: '0.1',
      maintenanceMarginRate: '0.004',
      closeFeeRate: '0.0005',
    },
    '9131.82',
    '1e-6',
  ],
  [
    'dYdX v4 isolated short',
    'docs.dydx.exchange Liquidations: e 1000, short 3 ETH @ 3000, MMF 5 % (formulas.md §10)',
    {
      product: 'linear',
      marginMode: 'isolated',
      side: 'short',
      quantity: '3',
      entryPrice: '3000',
      margin: '1000',
      maintenanceMarginRate: '0.05',
    },
    '3174.60',
    '1e-6',
  ],
  [
    'KuCoin short at 100x (maintenance on entry)',
    'kucoin.zendesk.com 26694703491737: short @ 28,000, 100x, MMR 0.4 % → 28,168 (formulas.md §11)',
    {
      product: 'linear',
      marginMode: 'isolated',
      side: 'short',
      quantity: '1',
      entryPrice: '28000',
      leverage: '100',
      maintenanceMarginRate: '0.004',
      maintenanceBasis: 'entry',
    },
    '28168',
    '1e-9',
  ],
];

describe('estimatePosition: published figures beyond the vectors', () => {
  it.each(CITED)('%s (%s)', (_name, _source, input, printed, tolerance) => {
    expectClose(estimateOf(input).liquidationPrice, printed, tolerance);
  });
});

const BINANCE_2021_BTC: TierInput[] = [
  {
    notionalFloor: '0',
    notionalCap: '50000',
    maintenanceMarginRate: '0.004',
    maintenanceAmount: '0',
  },
  {
    notionalFloor: '50000',
    notionalCap: '250000',
    maintenanceMarginRate: '0.005',
    maintenanceAmount: '50',
  },
  {
    notionalFloor: '250000',
    notionalCap: '1000000',
    maintenanceMarginRate: '0.01',
    maintenanceAmount: '1300',
  },
  {
    notionalFloor: '1000000',
    notionalCap: '5000000',
    maintenanceMarginRate: '0.025',
    maintenanceAmount: '16300',
  },
  {
    notionalFloor: '5000000',
    notionalCap: '20000000',
    maintenanceMarginRate: '0.05',
    maintenanceAmount: '141300',
  },
  { notionalFloor: '20000000', maintenanceMarginRate: '0.1', maintenanceAmount: '1141300' },
];

describe('estimatePosition: tiers', () => {
  const btcCross: PositionInput = {
    product: 'linear',
    marginMode: 'cross',
    side: 'long',
    quantity: '109.488',
    entryPrice: '32481.98',
    markPrice: '31967.27',
    margin: '1535443.01',
    otherMaintenanceMargin: '356512.508122',
    otherUnrealizedPnl: '-448192.88514',
    tiers: BINANCE_2021_BTC,
  };

  it('chooses the tier by the notional at the liquidation price (Binance FAQ BTC leg: 1M–5M, 2.5 %)', () => {
    const estimate = estimateOf(btcCross);
    expectClose(estimate.liquidationPrice, '26316.89', '1e-5');
    expect(estimate.tier?.index).toBe(3);
    expect(estimate.tier?.maintenanceMarginRate).toBe('0.025');
    // Notional at entry (3.56M) and at liquidation (2.88M) both lie in 1M–5M; the chosen one is at liquidation.
    expectClose(
      estimate.tier?.notionalAtLiquidation,
      new Decimal('109.488').times('26316.893264').toFixed(),
      '1e-8',
    );
  });

  it('moves to the tier of the liquidation notional when it differs from the entry notional', () => {
    // 9 BTC long at 30,000: 270k notional at entry lies in the 1 % tier (250k–1M);
    // at 3x the liquidation price is about 20,095, notional about 181k → the 0.5 % tier (50k–250k).
    const estimate = estimateOf({
      product: 'linear',
      marginMode: 'isolated',
      side: 'long',
      quantity: '9',
      entryPrice: '30000',
      leverage: '3',
      tiers: BINANCE_2021_BTC,
    });
    expect(estimate.tier?.index).toBe(1);
    // Self-consistency: form (L) with the chosen tier's rate and amount reproduces the price.
    const expected = new Decimal('90000')
      .plus('50')
      .minus(new Decimal('9').times('30000'))
      .div(new Decimal('9').times(new Decimal('0.005').minus(1)));
    expectClose(estimate.liquidationPrice, expected.toFixed(), '1e-11');
  });

  it('derives missing tier amounts by the continuity recurrence', () => {
    const withoutAmounts = BINANCE_2021_BTC.map((tier) => ({
      notionalFloor: tier.notionalFloor,
      ...(tier.notionalCap === undefined ? {} : { notionalCap: tier.notionalCap }),
      maintenanceMarginRate: tier.maintenanceMarginRate,
    }));
    expect(estimateOf({ ...btcCross, tiers: withoutAmounts }).liquidationPrice).toBe(
      estimateOf(btcCross).liquidationPrice,
    );
  });

  it('applies a venue tier table and records the convention', () => {
    const estimate = estimateOf({
      product: 'linear',
      marginMode: 'isolated',
      side: 'long',
      quantity: '0.5',
      entryPrice: '60000',
      leverage: '20',
      venue: 'binance',
      symbol: 'BTC/USDT:USDT',
    });
    expect(estimate.tier?.maintenanceMarginRate).toBe('0.004');
    expect(estimate.conventions?.some((text) => text.includes('tiers: binance BTC/USDT'))).toBe(
      true,
    );
    expect(estimate.conventions?.some((text) => text.includes('maintenance basis: mark'))).toBe(
      true,
    );
    // Tier 1, no fee: form (L) P = EP·(1 − 1/L)/(1 − MMR).
    expectClose(
      estimate.liquidationPrice,
      new Decimal('60000').times('0.95').div('0.996').toFixed(),
      '1e-11',
    );
  });

  it('refuses a position beyond a partial venue table instead of extrapolating', () => {
    const outcome = estimatePosition({
      product: 'linear',
      marginMode: 'isolated',
      side: 'long',
      quantity: '20',
      entryPrice: '60000',
      leverage: '10',
      venue: 'okx',
      symbol: 'BTC-USDT-SWAP',
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors[0]?.code).toBe('LIQ_TIER_TABLE_EXCEEDED');
  });
});

describe('estimatePosition: conventions, buffer, cross-check', () => {
  const okxLong: PositionInput = {
    product: 'linear',
    marginMode: 'isolated',
    side: 'long',
    quantity: '1',
    entryPrice: '60000',
    markPrice: '58000',
    leverage: '10',
    venue: 'okx',
    symbol: 'BTC-USDT-SWAP',
  };

  it('adds the venue taker fee at the liquidation price (OKX: MMR + taker in form L)', () => {
    const estimate = estimateOf(okxLong);
    const expected = new Decimal(60000)
      .minus(6000)
      .div(new Decimal(1).minus('0.004').minus('0.0005'));
    expectClose(estimate.liquidationPrice, expected.toFixed(), '1e-11');
    expect(estimate.conventions).toContain(
      'close fee: taker 0.0005 on the value at the liquidation price (okx)',
    );
  });

  it('lets an explicit field override the venue preset', () => {
    const estimate = estimateOf({ ...okxLong, closeFeeRate: '0', maintenanceMarginRate: '0.004' });
    expectClose(estimate.liquidationPrice, new Decimal(54000).div('0.996').toFixed(), '1e-11');
    expect(estimate.conventions?.some((text) => text.startsWith('close fee'))).toBe(false);
  });

  it('fills the inverse contract size from the venue', () => {
    const estimate = estimateOf({
      product: 'inverse',
      marginMode: 'isolated',
      side: 'long',
      quantity: '10',
      entryPrice: '50000',
      leverage: '10',
      maintenanceMarginRate: '0.004',
      venue: 'binance',
      symbol: 'BTCUSD_PERP',
    });
    expect(estimate.conventions).toContain('contract size: 100 USD per contract (binance)');
    // Margin = 10 × 100 / 50000 / 10 BTC.
    expect(estimate.margin).toBe('0.002');
  });

  it('gives the buffer in price and percent of mark, positive on the safe side', () => {
    const long = estimateOf({ ...okxLong, closeFeeRate: '0', maintenanceMarginRate: '0.004' });
    const liquidation = new Decimal(long.liquidationPrice ?? '0');
    expectClose(long.buffer?.price, new Decimal(58000).minus(liquidation).toFixed(), '1e-11');
    expectClose(
      long.buffer?.percent,
      new Decimal(58000).minus(liquidation).div(580).toFixed(),
      '1e-11',
    );
    const short = estimateOf({
      ...okxLong,
      side: 'short',
      markPrice: '61000',
      closeFeeRate: '0',
      maintenanceMarginRate: '0.004',
    });
    expect(new Decimal(short.buffer?.percent ?? '-1').gt(0)).toBe(true);
  });

  it('cross-checks against the platform figure with the tolerance', () => {
    const input = {
      ...okxLong,
      closeFeeRate: '0',
      maintenanceMarginRate: '0.004',
      platformLiquidationPrice: '54300',
    };
    const estimate = estimateOf(input); // 54216.87
    expect(estimate.crossCheck?.agrees).toBe(true);
    expectClose(
      estimate.crossCheck?.differencePercent,
      new Decimal(54000).div('0.996').minus(54300).div(543).toFixed(),
      '1e-9',
    );
    expect(estimateOf(input, { tolerancePercent: '0.1' }).crossCheck?.agrees).toBe(false);
  });

  it('returns null, not 0, when a long cannot be liquidated at any price', () => {
    const estimate = estimateOf({
      product: 'linear',
      marginMode: 'isolated',
      side: 'long',
      quantity: '1',
      entryPrice: '100',
      markPrice: '100',
      margin: '150',
      maintenanceMarginRate: '0.01',
    });
    expect(estimate.liquidationPrice).toBeNull();
    expect(estimate.bankruptcyPrice).toBeNull();
    expect(estimate.buffer).toBeUndefined();
  });

  it('returns null for an inverse short whose coin margin covers the contract value (a 1x hedge)', () => {
    const estimate = estimateOf({
      product: 'inverse',
      marginMode: 'isolated',
      side: 'short',
      quantity: '100',
      contractSize: '100',
      entryPrice: '50000',
      margin: '0.3',
      maintenanceMarginRate: '0.005',
    });
    expect(estimate.liquidationPrice).toBeNull();
  });

  it('computes traditional futures with a broker threshold on the margin rate (risk degree line)', () => {
    // 2 lots × 10 t, long @ 4000, equity 20,000, broker margin 10 % on the price, forced close at 120 %:
    // formulas.md §12 P* = (n·K·P_ref − E0)/(n·K·(1 − k·m)) = (80,000 − 20,000)/(20 × 0.88).
    const estimate = estimateOf({
      product: 'futures',
      marginMode: 'isolated',
      side: 'long',
      quantity: '2',
      contractSize: '10',
      entryPrice: '4000',
      margin: '20000',
      maintenanceMarginRate: '0.1',
      liquidationThreshold: '1.2',
    });
    expectClose(estimate.liquidationPrice, new Decimal(60000).div('17.6').toFixed(), '1e-11');
  });
});

describe('estimatePosition: remedies', () => {
  const withoutLeverage: PositionInput = {
    product: 'linear',
    marginMode: 'isolated',
    side: 'long',
    quantity: '2',
    entryPrice: '50000',
    markPrice: '49000',
    maintenanceMarginRate: '0.005',
  };
  const position: PositionInput = { ...withoutLeverage, leverage: '20' };

  it('adds enough margin to reach the target buffer, and no more than needed', () => {
    const remedies = estimateOf(position, { targetBufferPercent: '15' }).remedies;
    expect(remedies?.targetBufferPercent).toBe('15');
    const addMargin = new Decimal(remedies?.addMargin ?? '-1');
    const margin = new Decimal(5000).plus(addMargin);
    const after = estimateOf({ ...withoutLeverage, margin: margin.toFixed() });
    expect(new Decimal(after.buffer?.percent ?? '0').gte(15)).toBe(true);
    expect(new Decimal(after.buffer?.percent ?? '0').minus(15).lt('1e-6')).toBe(true);
  });

  it('gives the highest leverage that meets the target and says "0" when the target is already met', () => {
    const remedies = estimateOf(position, { targetBufferPercent: '15' }).remedies;
    const leverage = remedies?.maxLeverage ?? '0';
    const at = estimateOf({ ...position, leverage });
    expect(new Decimal(at.buffer?.percent ?? '0').gte(15)).toBe(true);
    const met = estimateOf(position, { targetBufferPercent: '1' }).remedies;
    expect(met).toMatchObject({ addMargin: '0', reduceQuantity: '0' });
  });

  it('reduces a cross position (wallet kept) but not an isolated one (margin released pro rata)', () => {
    const crossInput: PositionInput = { ...withoutLeverage, marginMode: 'cross', margin: '4000' };
    const remedies = estimateOf(crossInput, { targetBufferPercent: '15' }).remedies;
    const reduce = new Decimal(remedies?.reduceQuantity ?? '-1');
    expect(reduce.gt(0)).toBe(true);
    const after = estimateOf({ ...crossInput, quantity: new Decimal(2).minus(reduce).toFixed() });
    expect(new Decimal(after.buffer?.percent ?? '0').gte(15)).toBe(true);
    expect(estimateOf(position, { targetBufferPercent: '15' }).remedies?.reduceQuantity).toBeNull();
  });
});

describe('estimatePosition: explain', () => {
  it('lists the formula, substituted numbers and result, including the tier and venue conventions', () => {
    const estimate = estimateOf(
      {
        product: 'linear',
        marginMode: 'isolated',
        side: 'long',
        quantity: '0.5',
        entryPrice: '60000',
        markPrice: '59000',
        leverage: '20',
        venue: 'binance',
        symbol: 'BTCUSDT',
      },
      { explain: true },
    );
    const steps = estimate.steps ?? [];
    expect(steps.map((step) => step.label.en)).toEqual([
      'Venue conventions',
      'Position size',
      'Margin from leverage',
      'Bankruptcy price',
      'Tier 1 chosen',
      'Liquidation price',
      'Maintenance margin',
      'Buffer',
    ]);
    const liquidationStep = steps.find((step) => step.label.en === 'Liquidation price');
    expect(liquidationStep?.formula).toContain('(L)');
    expect(liquidationStep?.result).toBe(estimate.liquidationPrice);
    expect(steps.every((step) => step.label.zh.length > 0)).toBe(true);
    expect(steps.find((step) => step.label.en === 'Tier 1 chosen')?.substituted).toContain(
      'in [0, 50000)',
    );
  });
});
