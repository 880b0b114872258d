/**
 * The project's one configured Decimal. Nothing else calls `Decimal.set` or `Decimal.clone`.
 *
 * 40 significant digits is far beyond any exchange's tick size, so rounding only happens where a
 * result is formatted for display (ROUND_HALF_EVEN there avoids a systematic bias).
 */
import DecimalJs from 'decimal.js';

export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
