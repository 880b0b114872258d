/**
 * The page's rows as estimate request rows (core/protocol.ts EstimateRow), built once per read
 * pass and handed on by identity wherever nothing changed: a read row the reader kept (same
 * object) with the same context is last pass's request row, and a context equal to last pass's is
 * last pass's object. estimate-delta.ts then skips those rows, and compares no context, by
 * identity: at 20 positions a mark tick used to build 20 contexts and compare each deeply.
 */
import type { Product } from '../../core/contract';
import { samePlain } from '../../core/plain-data';
import type { RawContext } from '../../core/position-from-raw';
import type { EstimateRow } from '../../core/protocol';
import { requestRow, type ReadRow } from './estimate-client';

export interface RequestRows<Row extends ReadRow> {
  /**
   * @param rows the read pass's rows
   * @param productOf a row's product (linear or inverse: it picks the context)
   * @param contextOf makes a product's context for this pass (called at most once per product)
   */
  build(
    rows: readonly Row[],
    productOf: (row: Row) => Product,
    contextOf: (product: Product) => RawContext,
  ): EstimateRow[];
}

/** @param notInputs fields that are no estimate input (left out of every row, e.g. the PnL) */
export function createRequestRows<Row extends ReadRow>(
  notInputs: readonly string[],
): RequestRows<Row> {
  /** Per product, the context last made and the pass that made it (a few: linear, inverse). */
  const contexts = new Map<Product, { context: RawContext; pass: number }>();
  /**
   * Per row key, the read row last seen, the request row made of it, that row's context and the
   * pass that saw it. By key, not a WeakMap by read row: V8's WeakMap sets cost tens of
   * microseconds per tick at 20 rows.
   */
  const made = new Map<
    string,
    { read: Row; row: EstimateRow; context: RawContext; pass: number }
  >();
  let pass = 0;
  return {
    build(rows, productOf, contextOf) {
      pass += 1;
      const contextFor = (product: Product): RawContext => {
        const known = contexts.get(product);
        if (known?.pass === pass) return known.context;
        const fresh = contextOf(product);
        // Equal to last pass's: keep that object, so rows and the delta compare by identity.
        const context =
          known !== undefined && samePlain(known.context, fresh) ? known.context : fresh;
        contexts.set(product, { context, pass });
        return context;
      };
      const built = rows.map((read) => {
        const context = contextFor(productOf(read));
        const before = made.get(read.key);
        if (before?.read === read && before.context === context) {
          before.pass = pass;
          return before.row;
        }
        const row = requestRow(read, notInputs, context);
        if (before === undefined) {
          made.set(read.key, { read, row, context, pass });
        } else {
          before.read = read;
          before.row = row;
          before.context = context;
          before.pass = pass;
        }
        return row;
      });
      // Rows gone from the page are forgotten (keys are unique within a pass).
      if (made.size > rows.length) {
        for (const [key, entry] of made) if (entry.pass !== pass) made.delete(key);
      }
      return built;
    },
  };
}
