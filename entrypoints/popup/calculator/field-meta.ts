/**
 * Per-field test ids (design.md §5) and label keys. Labels depend on the product because the same
 * input means different things: a linear quantity is base asset, an inverse one is contracts.
 */
import type { Product } from '../../../core/contract';
import type { TextField } from './form';

export const FIELD_TEST_IDS: Readonly<Record<TextField, string>> = {
  quantity: 'calc-quantity',
  contractSize: 'calc-contract-size',
  entryPrice: 'calc-entry-price',
  markPrice: 'calc-mark-price',
  margin: 'calc-margin',
  leverage: 'calc-leverage',
  maintenanceMarginRate: 'calc-mmr',
  maintenanceAmount: 'calc-maintenance-amount',
  maintenanceMargin: 'calc-maintenance-margin',
  venue: 'calc-venue',
  symbol: 'calc-symbol',
  closeFeeRate: 'calc-fee-rate',
  liquidationThreshold: 'calc-threshold',
  otherMaintenanceMargin: 'calc-other-maintenance',
  otherUnrealizedPnl: 'calc-other-pnl',
  platformLiquidationPrice: 'calc-platform-liq',
};

/** Fields whose label names a product-specific unit. */
const PER_PRODUCT: ReadonlySet<TextField> = new Set(['quantity', 'contractSize', 'margin']);

/** The i18n key of a field's label (and `${key}.hint` of its hint, where one exists). */
export function fieldLabelKey(field: TextField, product: Product, cross: boolean): string {
  if (field === 'margin' && cross) return `field.walletBalance.${product}`;
  return PER_PRODUCT.has(field) ? `field.${field}.${product}` : `field.${field}`;
}
