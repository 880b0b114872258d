/**
 * Type tests (style.md §4.4): checked by `tsc --noEmit`, not run. A unit mix-up must not compile.
 */
import { bufferOf } from '../../core/buffer';
import { crossCheck } from '../../core/cross-check';
import { Decimal } from '../../core/decimal';
import { asPrice, asQuantity, asRatio, type Price, type Quantity } from '../../core/units';

const markPrice: Price = asPrice(new Decimal('60000'));
const liquidationPrice: Price = asPrice(new Decimal('57000'));
const quantity: Quantity = asQuantity(new Decimal('2'));

bufferOf('long', markPrice, liquidationPrice);
crossCheck(liquidationPrice, markPrice, new Decimal('0.5'));

// @ts-expect-error a quantity is not a price
bufferOf('long', quantity, liquidationPrice);
// @ts-expect-error a rate is not a price
crossCheck(asRatio(new Decimal('0.004')), markPrice, new Decimal('0.5'));
// @ts-expect-error a plain Decimal must be given its unit explicitly
bufferOf('long', new Decimal('60000'), liquidationPrice);
// @ts-expect-error arithmetic drops the unit: a product of prices is not a price
const notAPrice: Price = markPrice.times(liquidationPrice);

export { notAPrice };
