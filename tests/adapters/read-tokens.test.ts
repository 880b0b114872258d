import { describe, expect, it } from 'vitest';
import {
  leverageTextFrom,
  marginModeFromText,
  sideFromGeometry,
  sideWordIn,
} from '../../core/position-from-raw';
import { symbolTokenFrom } from '../../entrypoints/positions.content/read-row';

describe('sideWordIn', () => {
  it.each([
    ['Long', 'long'],
    ['Short', 'short'],
    ['多', 'long'],
    ['空', 'short'],
    ['做多', 'long'],
    ['做空', 'short'],
    ['Buy', 'long'],
    ['SELL', 'short'],
    ['BTCUSDT 空 20x', 'short'],
    ['(Long)', 'long'],
  ])('reads %j as %s', (text, side) => {
    const found = sideWordIn(text);
    expect(found === null || found === 'ambiguous' ? found : found.side).toBe(side);
  });

  it.each(['BTCUSDT Perp', 'Longevity', 'Shorts', '空仓位 text', '20x', ''])(
    'finds no side in %j',
    (text) => {
      expect(sideWordIn(text)).toBeNull();
    },
  );

  it('reports both sides in one text as ambiguous', () => {
    expect(sideWordIn('Long / Short')).toBe('ambiguous');
  });
});

describe('marginModeFromText', () => {
  it.each([
    ['Cross 20x', 'cross', 'Cross'],
    ['全仓 20x', 'cross', '全仓'],
    ['全仓20X', 'cross', '全仓'],
    ['逐仓', 'isolated', '逐仓'],
    ['逐倉 5.00x', 'isolated', '逐倉'],
    ['$1,474.08 (Cross)', 'cross', 'Cross'],
    ['Isolated', 'isolated', 'Isolated'],
    ['crossed', 'cross', 'crossed'],
  ])('reads %j as %s', (text, mode, words) => {
    expect(marginModeFromText(text)).toEqual({ mode, text: words });
  });

  it.each(['Crossover', 'across', 'BTCUSDT', '--'])('finds no mode in %j', (text) => {
    expect(marginModeFromText(text)).toBeNull();
  });
});

describe('leverageTextFrom', () => {
  it.each([
    ['Cross 20x', '20x'],
    ['全仓20X', '20X'],
    ['ETH 20x', '20x'],
    ['25.00x', '25.00x'],
    ['10×', '10×'],
    ['5 x', '5x'],
  ])('reads %j as %j', (text, leverage) => {
    expect(leverageTextFrom(text)).toBe(leverage);
  });

  it.each(['0x12ab', 'BTCUSDT', '1.5', 'x20', 'Max long -- Contracts'])(
    'finds no leverage in %j',
    (text) => {
      expect(leverageTextFrom(text)).toBeNull();
    },
  );
});

describe('symbolTokenFrom', () => {
  it.each([
    ['BTCUSDT Perp Cross 20x', 'BTCUSDT'],
    ['ETH 20x', 'ETH'],
    ['xyz:NVDA 10x', 'xyz:NVDA'],
    ['BTCUSDT 永续', 'BTCUSDT'],
    ['Long BTC-USDT-SWAP', 'BTC-USDT-SWAP'],
  ])('reads %j as %j', (text, symbol) => {
    expect(symbolTokenFrom(text)).toBe(symbol);
  });

  it('returns null when the cell holds no symbol', () => {
    expect(symbolTokenFrom('永续 全仓')).toBeNull();
  });
});

describe('sideFromGeometry', () => {
  it('reads a liquidation below entry as long and above as short', () => {
    expect(sideFromGeometry('61,250.40', '48,830.21')).toBe('long');
    expect(sideFromGeometry('3,050.00', '3,318.47')).toBe('short');
  });

  it('says nothing without two positive, different prices', () => {
    expect(sideFromGeometry('3,050.00', '--')).toBeNull();
    expect(sideFromGeometry('3,050.00', 'N/A')).toBeNull();
    expect(sideFromGeometry('3,050.00', '3,050.00')).toBeNull();
    expect(sideFromGeometry('3,050.00', '-5.88')).toBeNull();
  });

  it('uses the page number format', () => {
    expect(
      sideFromGeometry('3.050,00', '2.999,50', { decimalSeparator: ',', groupSeparator: '.' }),
    ).toBe('long');
  });
});
