/**
 * Cells that position-from-raw does not read: the PnL ticks with every trade on many pages (last
 * price) and must not cost an estimate. The page leaves them out of its estimate requests and the
 * pipeline out of its memo keys; tests/content/pipeline.test.ts checks the premise.
 */
export const NOT_AN_INPUT: readonly string[] = ['unrealizedPnl'];
