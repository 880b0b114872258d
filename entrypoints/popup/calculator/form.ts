/**
 * The calculator's form state: exactly what the user typed, as text, plus the choices. Kept apart
 * from PositionInput so a half-typed "0." survives a reload and is never coerced.
 */
import type {
  CloseFeeBasis,
  MaintenanceBasis,
  MarginMode,
  Product,
  Side,
} from '../../../core/contract';

/** Which of the alternatives the user gives: a margin amount or a leverage. */
export const MARGIN_SOURCES = ['margin', 'leverage'] as const;
export type MarginSource = (typeof MARGIN_SOURCES)[number];

/** rate: MMR + maintenance amount; fixed: a maintenance amount (traditional futures); preset: venue tier table. */
export const MAINTENANCE_SOURCES = ['rate', 'fixed', 'preset'] as const;
export type MaintenanceSource = (typeof MAINTENANCE_SOURCES)[number];

export interface CalculatorForm {
  readonly product: Product;
  readonly marginMode: MarginMode;
  readonly side: Side;
  readonly quantity: string;
  readonly contractSize: string;
  readonly entryPrice: string;
  readonly markPrice: string;
  readonly marginSource: MarginSource;
  readonly margin: string;
  readonly leverage: string;
  readonly maintenanceSource: MaintenanceSource;
  readonly maintenanceMarginRate: string;
  readonly maintenanceAmount: string;
  readonly maintenanceMargin: string;
  /** A venue id from core/venues, or "" for none. */
  readonly venue: string;
  readonly symbol: string;
  /** "" = the venue's convention, or the core default (mark). */
  readonly maintenanceBasis: MaintenanceBasis | '';
  readonly closeFeeRate: string;
  /** "" = the venue's convention, or the core default (liquidation). */
  readonly closeFeeBasis: CloseFeeBasis | '';
  readonly liquidationThreshold: string;
  readonly otherMaintenanceMargin: string;
  readonly otherUnrealizedPnl: string;
  readonly platformLiquidationPrice: string;
}

/** The text fields, i.e. every key whose value the user types. */
export type TextField = {
  [K in keyof CalculatorForm]: CalculatorForm[K] extends string
    ? string extends CalculatorForm[K]
      ? K
      : never
    : never;
}[keyof CalculatorForm];

export const EMPTY_FORM: CalculatorForm = Object.freeze({
  product: 'linear',
  marginMode: 'isolated',
  side: 'long',
  quantity: '',
  contractSize: '',
  entryPrice: '',
  markPrice: '',
  marginSource: 'margin',
  margin: '',
  leverage: '',
  maintenanceSource: 'rate',
  maintenanceMarginRate: '',
  maintenanceAmount: '',
  maintenanceMargin: '',
  venue: '',
  symbol: '',
  maintenanceBasis: '',
  closeFeeRate: '',
  closeFeeBasis: '',
  liquidationThreshold: '',
  otherMaintenanceMargin: '',
  otherUnrealizedPnl: '',
  platformLiquidationPrice: '',
});
