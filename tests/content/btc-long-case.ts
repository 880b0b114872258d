import type { PositionInput } from '../../core/contract';

/**
 * The Binance BTCUSDT isolated long that the pipeline tests and the panel e2e pages show
 * (0.5 BTC at 64,250.0, mark 65,010.3, margin 1,606.25 USDT, 20x, platform 61,282.63), written
 * by hand as the core's input: what a person reads in those cells, not what our reader made of them.
 */
export const BTC_LONG_INPUT: PositionInput = {
  venue: 'binance',
  symbol: 'BTCUSDT',
  product: 'linear',
  marginMode: 'isolated',
  side: 'long',
  quantity: '0.5',
  entryPrice: '64250',
  markPrice: '65010.3',
  margin: '1606.25',
  leverage: '20',
  platformLiquidationPrice: '61282.63',
};
