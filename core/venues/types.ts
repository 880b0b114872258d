/**
 * Venue conventions as data (style.md §4.1: site knowledge is data). Every venue and table carries
 * its source and the date it was taken; `confirmed: false` marks conventions we could not confirm
 * from the venue's own text (see each file and core/liquidation/README.md).
 */
import type { MaintenanceBasis, Product, TierInput } from '../contract';
import type { TierMeasure } from '../liquidation/tiers';

/** none: no fee term; liquidation: taker on the value at the liquidation price; bankruptcy: at the bankruptcy price. */
export type FeeTreatment = 'none' | 'liquidation' | 'bankruptcy';

export interface ProductConventions {
  readonly maintenanceBasis: MaintenanceBasis;
  readonly closeFee: FeeTreatment;
  /** Default (non-VIP) taker rate used as the close-fee rate when the fee treatment is not 'none'. */
  readonly takerFeeRate: string;
  readonly confirmed: boolean;
  readonly source: string;
}

export interface TierTable {
  readonly base: string;
  readonly quote: string;
  readonly product: Product;
  readonly measure: TierMeasure;
  /** A table ending with a cap is partial: positions beyond it get LIQ_TIER_TABLE_EXCEEDED. */
  readonly tiers: readonly TierInput[];
  readonly source: string;
  readonly takenOn: string;
  readonly note?: string;
}

export interface Venue {
  readonly id: string;
  readonly name: string;
  readonly products: Partial<Readonly<Record<Product, ProductConventions>>>;
  /** Key `${product}:${BASE}/${QUOTE}` → contract size (inverse: USD per contract; linear: base per contract). */
  readonly contractSizes: Readonly<Record<string, string>>;
  /** Inverse contract value for symbols not listed (Binance COIN-M: 10 USD for every coin but BTC). */
  readonly defaultInverseContractSize?: string;
  readonly tierTables: readonly TierTable[];
  readonly source: string;
  readonly takenOn: string;
  readonly confirmed: boolean;
  readonly notes?: string;
}
