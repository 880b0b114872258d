/**
 * Binance USDⓈ-M bracket snapshot (core/venues/binance-brackets.ts): the most traded perpetuals resolve
 * to a table, every table follows Binance's own cum recurrence exactly, and spot values equal the
 * source: github.com/freqtrade/freqtrade freqtrade/exchange/binance_leverage_tiers.json @ 01d10aeb
 * (entries "SOL/USDT:USDT", "XRP/USDT:USDT", "DOGE/USDT:USDT", "1000PEPE/USDT:USDT", "FIL/USDT:USDT").
 */
import { describe, expect, it } from 'vitest';
import type { CoreError } from '../../core/contract';
import { Decimal } from '../../core/decimal';
import { estimatePosition, findTierTable } from '../../core/index';
import { validateTiers } from '../../core/liquidation/tiers';
import { BINANCE_USDT_BRACKETS } from '../../core/venues/binance-brackets';
import { decodeTiers } from '../../core/venues/compact-tiers';

const TOP_SYMBOLS = [
  'BTC',
  'ETH',
  'SOL',
  'XRP',
  'DOGE',
  'BNB',
  'ADA',
  'AVAX',
  'LINK',
  'TRX',
  'DOT',
  'LTC',
  'BCH',
  'SUI',
  'TON',
  'NEAR',
  'APT',
  'ARB',
  'OP',
  '1000PEPE',
  'WIF',
  '1000SHIB',
  'FIL',
  'ATOM',
  'UNI',
  'ETC',
];

describe('Binance USDⓈ-M brackets', () => {
  it.each(TOP_SYMBOLS)('%sUSDT has a table', (base) => {
    const table = findTierTable('binance', `${base}USDT`, 'linear');
    expect(table?.base).toBe(base);
    expect(table?.quote).toBe('USDT');
    expect(table?.measure).toBe('notional');
  });

  it.each(Object.entries(BINANCE_USDT_BRACKETS))(
    '%s: contiguous from 0, rates rising, cum_n = floor_n × (MMR_n − MMR_{n−1}) + cum_{n−1} exactly',
    (_base, encoded) => {
      const rows = decodeTiers(encoded);
      const errors: CoreError[] = [];
      const tiers = validateTiers(rows, errors) ?? [];
      expect(errors).toEqual([]);
      expect(tiers.length).toBe(rows.length);
      expect(tiers[0]?.floor.isZero()).toBe(true);
      tiers.forEach((tier, index) => {
        expect(tier.amountDerived).toBe(false);
        const previous = tiers[index - 1];
        if (previous === undefined) {
          expect(tier.maintenanceAmount.isZero()).toBe(true);
          return;
        }
        expect(tier.floor.eq(previous.cap ?? new Decimal(-1))).toBe(true);
        expect(tier.maintenanceMarginRate.gt(previous.maintenanceMarginRate)).toBe(true);
        const recurrence = tier.floor
          .times(tier.maintenanceMarginRate.minus(previous.maintenanceMarginRate))
          .plus(previous.maintenanceAmount);
        expect(tier.maintenanceAmount.eq(recurrence)).toBe(true);
      });
    },
  );

  // Last bracket's `cum` of each entry "<BASE>/USDT:USDT" in the source: cum is derived by the
  // recurrence over every row, so a wrong cap or rate anywhere in a table changes it.
  it.each([
    ['1000PEPE', '16682070'],
    ['1000SHIB', '3042317.5'],
    ['ADA', '9933045'],
    ['APT', '5487150'],
    ['ARB', '3775770'],
    ['ATOM', '3781540'],
    ['AVAX', '5732080'],
    ['BCH', '6915542.5'],
    ['BNB', '16682210'],
    ['DOGE', '13351670'],
    ['DOT', '8915535'],
    ['ETC', '10062545'],
    ['FIL', '6245700'],
    ['LINK', '9933045'],
    ['LTC', '10223045'],
    ['NEAR', '3816350'],
    ['OP', '5615790'],
    ['SOL', '66728380'],
    ['SUI', '2150300'],
    ['TON', '1665275'],
    ['TRX', '6505285'],
    ['UNI', '5484540'],
    ['WIF', '8340550'],
    ['XRP', '13345685'],
    ['BTC', '421481450'],
    ['ETH', '280506450'],
    ['1000BONK', '1665275'],
    ['1000FLOKI', '1665275'],
    ['AAVE', '1797175'],
    ['ALGO', '636925'],
    ['BOME', '3336250'],
    ['WLD', '4996020'],
    ['TAO', '499625'],
    ['ICP', '1820700'],
    ['FTM', '3725770'],
    ['XMR', '3230850'],
    ['THETA', '6150250'],
    ['MANA', '1404567.5'],
    ['SNX', '1796300'],
    ['SUSHI', '1821300'],
    ['NEO', '3725770'],
  ])('%sUSDT: the derived cum of the last bracket equals the source (%s)', (base, cum) => {
    expect(findTierTable('binance', `${base}USDT`, 'linear')?.tiers.at(-1)?.maintenanceAmount).toBe(
      cum,
    );
  });

  it('spot values equal the source snapshot', () => {
    const row = (symbol: string, index: number) =>
      findTierTable('binance', symbol, 'linear')?.tiers[index];
    // "SOL/USDT:USDT" bracket 4: notionalFloor 800000, notionalCap 4000000, maintMarginRatio 0.02, cum 8380.0
    expect(row('SOLUSDT', 3)).toEqual({
      notionalFloor: '800000',
      notionalCap: '4000000',
      maintenanceMarginRate: '0.02',
      maintenanceAmount: '8380',
    });
    // "XRP/USDT:USDT" bracket 3: 20000–160000, 0.01, cum 85.0
    expect(row('XRPUSDT', 2)).toEqual({
      notionalFloor: '20000',
      notionalCap: '160000',
      maintenanceMarginRate: '0.01',
      maintenanceAmount: '85',
    });
    // "DOGE/USDT:USDT" bracket 4: 750000–800000, 0.02, cum 7670.0
    expect(row('DOGEUSDT', 3)).toEqual({
      notionalFloor: '750000',
      notionalCap: '800000',
      maintenanceMarginRate: '0.02',
      maintenanceAmount: '7670',
    });
    // "1000PEPE/USDT:USDT" bracket 1: 0–20000, 0.0065, cum 0.0 (75x)
    expect(row('1000PEPEUSDT', 0)).toEqual({
      notionalFloor: '0',
      notionalCap: '20000',
      maintenanceMarginRate: '0.0065',
      maintenanceAmount: '0',
    });
    // "FIL/USDT:USDT" bracket 7: 6000000–10000000, 0.165, cum 395700.0
    expect(row('FILUSDT', 6)).toEqual({
      notionalFloor: '6000000',
      notionalCap: '10000000',
      maintenanceMarginRate: '0.165',
      maintenanceAmount: '395700',
    });
    // Last SOL bracket ends at its cap (400M): beyond it the table is partial.
    expect(findTierTable('binance', 'SOLUSDT', 'linear')?.tiers.at(-1)?.notionalCap).toBe(
      '400000000',
    );
  });

  it('shares identical tables instead of repeating them (ADA/LINK, TON/1000BONK/1000FLOKI, FTM/NEO)', () => {
    expect(BINANCE_USDT_BRACKETS.ADA).toBe(BINANCE_USDT_BRACKETS.LINK);
    expect(BINANCE_USDT_BRACKETS.TON).toBe(BINANCE_USDT_BRACKETS['1000BONK']);
    expect(BINANCE_USDT_BRACKETS.FTM).toBe(BINANCE_USDT_BRACKETS.NEO);
    expect(findTierTable('binance', 'ADAUSDT')?.tiers).toEqual(
      findTierTable('binance', 'LINKUSDT')?.tiers,
    );
  });

  it('gives SOLUSDT an estimate from the venue table alone', () => {
    // Isolated long 10 SOL @ 150, margin 150, mark 150. Notional at liquidation < 20000 → bracket 1
    // (MMR 0.5 %, cum 0). Binance isolated: M + Q(P − EP) = Q·P·MMR − cum
    // → P = (Q·EP − M − cum) / (Q·(1 − MMR)) = (1500 − 150) / 9.95 = 135.678391959798994974874…
    const outcome = estimatePosition(
      {
        product: 'linear',
        marginMode: 'isolated',
        side: 'long',
        quantity: '10',
        entryPrice: '150',
        markPrice: '150',
        margin: '150',
        venue: 'binance',
        symbol: 'SOLUSDT',
      },
      {},
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.estimate.liquidationPrice).toBe('135.67839196');
    expect(outcome.estimate.tier?.index).toBe(0);
  });

  it('picks the bracket by the notional at the liquidation price (XRPUSDT, bracket 3)', () => {
    // Isolated long 50000 XRP @ 0.6, margin 3000 (10x). Try bracket 3 (MMR 1 %, cum 85):
    // P = (30000 − 3000 − 85) / (50000 × 0.99) = 26915 / 49500 = 0.543737373…; notional there
    // 27186.87 ∈ [20000, 160000), so bracket 3 is self-consistent.
    const outcome = estimatePosition(
      {
        product: 'linear',
        marginMode: 'isolated',
        side: 'long',
        quantity: '50000',
        entryPrice: '0.6',
        markPrice: '0.6',
        margin: '3000',
        venue: 'binance',
        symbol: 'XRPUSDT',
      },
      {},
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.estimate.tier?.index).toBe(2);
    expect(outcome.estimate.liquidationPrice).toBe(
      new Decimal(26915).div(49500).toSignificantDigits(12).toFixed(),
    );
  });
});
