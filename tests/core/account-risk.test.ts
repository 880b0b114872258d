/**
 * estimateAccount: the cross-account view (design.md §3).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountEstimate, AccountInput, PositionInput, TierInput } from '../../core/contract';
import { Decimal } from '../../core/decimal';
import { estimateAccount } from '../../core/index';

function accountOf(input: AccountInput): AccountEstimate {
  const outcome = estimateAccount(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.account;
}

function relativeError(actual: string | null | undefined, expected: string): number {
  return new Decimal(actual ?? '0').minus(expected).div(expected).abs().toNumber();
}

/** [cap, MMR, cum]: the 2021 brackets the Binance FAQ example uses (formulas.md §1, ChartSniper liquidation_test.py). */
function brackets(rows: readonly (readonly [string | null, string, string])[]): TierInput[] {
  let floor = '0';
  return rows.map(([cap, maintenanceMarginRate, maintenanceAmount]) => {
    const tier: TierInput =
      cap === null
        ? { notionalFloor: floor, maintenanceMarginRate, maintenanceAmount }
        : { notionalFloor: floor, notionalCap: cap, maintenanceMarginRate, maintenanceAmount };
    floor = cap ?? floor;
    return tier;
  });
}

const BTC_2021 = brackets([
  ['50000', '0.004', '0'],
  ['250000', '0.005', '50'],
  ['1000000', '0.01', '1300'],
  ['5000000', '0.025', '16300'],
  ['20000000', '0.05', '141300'],
  ['50000000', '0.1', '1141300'],
  [null, '0.125', '2391300'],
]);
const ETH_2021 = brackets([
  ['10000', '0.005', '0'],
  ['100000', '0.0065', '15'],
  ['500000', '0.01', '365'],
  ['1000000', '0.02', '5365'],
  ['2000000', '0.05', '35365'],
  ['5000000', '0.1', '135365'],
  ['10000000', '0.125', '260365'],
  ['20000000', '0.15', '510365'],
  [null, '0.25', '2510365'],
]);

describe('estimateAccount', () => {
  it('reproduces both legs of the Binance cross worked example with the others held at mark', () => {
    // Binance FAQ b3c689c1f50a44cabb3a84e663b81d93 (numbers in freqtrade test_binance.py): BTC LP 26,316.89, ETH LP 1,153.26.
    const btc: PositionInput = {
      product: 'linear',
      marginMode: 'cross',
      side: 'long',
      quantity: '109.488',
      entryPrice: '32481.98',
      markPrice: '31967.27',
      leverage: '10',
      tiers: BTC_2021,
      symbol: 'BTCUSDT',
    };
    const eth: PositionInput = {
      ...btc,
      quantity: '3683.979',
      entryPrice: '1456.84',
      markPrice: '1335.18',
      tiers: ETH_2021,
      symbol: 'ETHUSDT',
    };
    const account = accountOf({ walletBalance: '1535443.01', positions: [btc, eth] });
    const [btcView, ethView] = account.positions;
    expect(relativeError(btcView?.estimate.liquidationPrice, '26316.89')).toBeLessThan(1e-5);
    expect(relativeError(ethView?.estimate.liquidationPrice, '1153.26')).toBeLessThan(1e-5);
    // Maintenance at mark is the FAQ's TMM1 of the other leg: notional × MMR − cum of each leg's bracket.
    const btcMaintenance = new Decimal('109.488').times('31967.27').times('0.025').minus(16300);
    const ethMaintenance = new Decimal('3683.979').times('1335.18').times('0.1').minus(135365);
    expect(relativeError(btcView?.maintenanceMargin, btcMaintenance.toFixed())).toBeLessThan(1e-11);
    expect(relativeError(ethView?.maintenanceMargin, ethMaintenance.toFixed())).toBeLessThan(1e-11);
    expect(relativeError(btcView?.maintenanceMargin, '71200.811')).toBeLessThan(1e-8);
    expect(btcView?.symbol).toBe('BTCUSDT');
    // Equity = wallet + both uPnLs at mark; margin ratio = maintenance / equity.
    const equity = new Decimal('1535443.01')
      .plus(new Decimal('109.488').times(new Decimal('31967.27').minus('32481.98')))
      .plus(new Decimal('3683.979').times(new Decimal('1335.18').minus('1456.84')));
    expect(relativeError(account.equity, equity.toFixed())).toBeLessThan(1e-11);
    const maintenance = btcMaintenance.plus(ethMaintenance);
    expect(relativeError(account.marginRatio, maintenance.div(equity).toFixed())).toBeLessThan(
      1e-11,
    );
    expect(account.liquidationOrder).toEqual([]);
    expect(account.riskRanking).toHaveLength(2);
  });

  it('ranks by risk rate and closes positions until the account is back under its threshold', () => {
    // A: long 1 @ 50,000, mark 49,000: uPnL −1,000, MM 196, fee 24.5, margin in use 2,500 → risk 0.4098.
    // B: short 10 @ 3,000, mark 3,100: uPnL −1,000, MM 155, fee 15.5, margin in use 1,500 → risk 0.6770.
    // Wallet 2,300 → equity 300 ≤ 351: liquidation. Close B first: equity 284.5 > MM 196 → stop.
    const account = accountOf({
      walletBalance: '2300',
      positions: [
        {
          product: 'linear',
          marginMode: 'cross',
          side: 'long',
          quantity: '1',
          entryPrice: '50000',
          markPrice: '49000',
          margin: '2500',
          maintenanceMarginRate: '0.004',
          closeFeeRate: '0.0005',
        },
        {
          product: 'linear',
          marginMode: 'cross',
          side: 'short',
          quantity: '10',
          entryPrice: '3000',
          markPrice: '3100',
          margin: '1500',
          maintenanceMarginRate: '0.005',
          closeFeeRate: '0.0005',
        },
      ],
    });
    expect(account.equity).toBe('300');
    expect(account.maintenanceMargin).toBe('351');
    expect(account.riskRanking).toEqual([1, 0]);
    expect(account.positions[0]?.riskRate).toBe('0.4098');
    expect(
      relativeError(account.positions[1]?.riskRate, new Decimal('1015.5').div(1500).toFixed()),
    ).toBeLessThan(1e-11);
    expect(account.liquidationOrder).toEqual([1]);
    expect(relativeError(account.riskDegree, new Decimal(4000).div(300).toFixed())).toBeLessThan(
      1e-11,
    );
    // Already past its point: each liquidation price is on the safe side of mark, with a negative buffer.
    const longView = account.positions[0]?.estimate;
    expect(new Decimal(longView?.liquidationPrice ?? '0').gt(49000)).toBe(true);
  });

  it('values multi-asset collateral at the given prices with haircuts', () => {
    const account = accountOf({
      walletBalance: '1000',
      collateral: [{ asset: 'BTC', amount: '0.1', price: '50000', haircut: '0.05' }],
      positions: [
        {
          product: 'linear',
          marginMode: 'cross',
          side: 'long',
          quantity: '1',
          entryPrice: '3000',
          markPrice: '3000',
          leverage: '10',
          maintenanceMarginRate: '0.01',
        },
      ],
    });
    expect(account.collateralValue).toBe('5750');
    // Single position backed by 5,750: form (L) P = (5750 − 3000)/(1 × (0.01 − 1)) → negative numerator: (3000 − 5750)/0.99 < 0 → none.
    expect(account.positions[0]?.estimate.liquidationPrice).toBeNull();
  });

  it('reports every bad position with its index', () => {
    const outcome = estimateAccount({
      walletBalance: 'lots',
      positions: [
        {
          product: 'linear',
          marginMode: 'cross',
          side: 'long',
          quantity: '1',
          entryPrice: '100',
          leverage: '10',
          maintenanceMarginRate: '0.01',
        },
      ],
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((error) => `${error.code} ${String(error.field)}`)).toEqual([
      'LIQ_NOT_A_NUMBER walletBalance',
      'LIQ_MISSING_FIELD positions[0].markPrice',
    ]);
  });
});

describe('estimateAccount robustness', { timeout: 30_000 }, () => {
  it('never throws and returns coded errors or finite plain decimals for any account shape', () => {
    const position = fc.record(
      {
        product: fc.constantFrom('linear', 'inverse', 'spot'),
        marginMode: fc.constantFrom('cross', 'isolated'),
        side: fc.constantFrom('long', 'short'),
        quantity: fc.constantFrom('1', '0', '-1', 'x', '0.5'),
        entryPrice: fc.constantFrom('100', '2000', '', '1e3'),
        markPrice: fc.constantFrom('90', '2100', 'NaN'),
        leverage: fc.constantFrom('10', '0', '125'),
        maintenanceMarginRate: fc.constantFrom('0.01', '1', '0.005'),
        margin: fc.constantFrom('50', '-5', '100'),
      },
      { requiredKeys: [] },
    );
    const account = fc.record(
      {
        walletBalance: fc.constantFrom('1000', '0', '-10', 'abc'),
        collateral: fc.array(
          fc.record({
            asset: fc.constant('BTC'),
            amount: fc.constantFrom('1', 'x'),
            price: fc.constantFrom('50000', '0'),
            haircut: fc.constantFrom('0.1', '1'),
          }),
          { maxLength: 2 },
        ),
        liquidationThreshold: fc.constantFrom('1', '1.2', '0'),
        positions: fc.array(position, { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(account, (candidate) => {
        const outcome = estimateAccount(candidate as unknown as AccountInput);
        if (!outcome.ok) {
          expect(outcome.errors.length).toBeGreaterThan(0);
          for (const error of outcome.errors) expect(error.code).not.toBe('LIQ_INTERNAL');
          return;
        }
        for (const value of [
          outcome.account.equity,
          outcome.account.maintenanceMargin,
          outcome.account.marginRatio,
        ]) {
          if (value !== null) expect(value).toMatch(/^-?\d+(\.\d+)?$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
