/**
 * The shape of a site adapter (style.md §4.3): site knowledge as data, read by one generic engine
 * (../read.ts). Nothing here touches the DOM, so adapter modules stay side-effect free at module
 * scope (WXT imports the entrypoint in Node at build time to compute `matches`).
 */
import type { NumberFormat } from '../../../core/parse-number';

/** Every field the reader looks for in a position row. Kept tight: only what the core consumes. */
export const POSITION_FIELDS = [
  'symbol',
  'side',
  'size',
  'entryPrice',
  'markPrice',
  'leverage',
  'marginMode',
  'margin',
  'liquidationPrice',
  'unrealizedPnl',
] as const;
export type PositionField = (typeof POSITION_FIELDS)[number];

/** A label in both UI languages; matched against a normalised header or label text (see read-header.ts). */
export interface LabelText {
  readonly en: RegExp;
  readonly zh: RegExp;
}

/**
 * How a label relates to its value.
 * - `same-column`: a table (or role=grid) header; the value is the cell in the same column.
 * - `next-sibling`: a label element followed by its value (card layouts, account summaries).
 */
export type LabelRelation = 'same-column' | 'next-sibling';

/** 1st preference: a stable attribute (data-testid, role, aria-*, a QA id). `value` absent = presence. */
export interface AttrLocator {
  readonly attr: string;
  readonly value?: string;
  readonly note: string;
}

/** 2nd preference: visible label text (EN + ZH) plus a relation. Survives class-name churn. */
export interface LabelLocator {
  readonly label: LabelText;
  readonly relation: LabelRelation;
  readonly note: string;
}

/** 3rd preference: a structural or semantic CSS selector. Never nth-child chains or hashed classes. */
export interface CssLocator {
  readonly css: string;
  readonly note: string;
}

/**
 * Scan every cell of the row for the field's textual pattern (side words, `Cross 20x`, `(Isolated)`,
 * a symbol naming its quote such as `BTC-USD`). Meaningful for side, leverage, marginMode (their
 * text sits inside other cells on most sites) and symbol (card titles); ignored for other fields.
 */
export interface ScanLocator {
  readonly scan: 'row';
  readonly note: string;
}

export type Locator = AttrLocator | LabelLocator | CssLocator | ScanLocator;
export type AreaLocator = AttrLocator | CssLocator;

export interface FieldSpec {
  /** Ordered alternatives; the first that yields a value wins. Empty: the site does not show it. */
  readonly locators: readonly Locator[];
  /** An optional field that is absent is not a problem (e.g. PnL, or liq price which is a cross-check). */
  readonly optional?: boolean;
}

/** Total over PositionField: a forgotten field is a compile error. */
export type FieldMap = Readonly<Record<PositionField, FieldSpec>>;

/** Where the size of a row is counted when its cell carries no unit. */
export type SizeUnit = 'base' | 'quote' | 'contracts';

/** An element inside the row that marks the side (OKX hedge mode). Never a colour on its own. */
export interface SideHint {
  readonly css: string;
  readonly side: 'long' | 'short';
  readonly note: string;
}

export type RawFields = Readonly<Partial<Record<PositionField, string>>>;

export interface Adapter {
  /** Equals the file name; also the settings key and the fixture folder name. */
  readonly id: string;
  readonly label: string;
  /** A venue id of core/venues (tiers, conventions). */
  readonly venue: string;
  /** Match patterns (https://<host>/*): they feed the manifest, findAdapter (match-pattern.ts) and the URL cross-matrix test. */
  readonly matches: readonly string[];
  /**
   * The URL's `pathname + hash` must match one of these (futures pages only; hash routers
   * included). A `{host, path}` rule applies only on that host (MEXC's legacy futures host).
   */
  readonly paths: readonly (RegExp | { readonly host: string; readonly path: RegExp })[];
  /** Page URLs that must match this adapter and no other. */
  readonly examples: readonly string[];
  /** ISO date of the last check against the live site or its best source (exchange-pages.md). */
  readonly verified: string;
  /** The container holding open positions, ordered alternatives. */
  readonly positionsArea: readonly AreaLocator[];
  /** Row elements inside the area, ordered alternatives (filter on the table's rows). */
  readonly rows: readonly AreaLocator[];
  readonly fields: FieldMap;
  /** Separators passed to core/parse-number; 'from-page-locale' follows <html lang> (read-format.ts). */
  readonly format: NumberFormat | 'from-page-locale';
  /** Unit of a size cell that has no unit text, by product. */
  readonly sizeUnit: { readonly linear: SizeUnit; readonly inverse: SizeUnit };
  /** True when a positive size means long and a negative one short (one-way mode signed sizes). */
  readonly signedSize: boolean;
  readonly sideHints?: readonly SideHint[];
  /** Account-level values shown outside the positions area. Absent when the site shows none we trust. */
  readonly account?: { readonly walletBalance: readonly Locator[] };
  /** Pure hook for true oddities: raw strings in, raw strings out. */
  readonly normalize?: (raw: RawFields) => RawFields;
}

/** Identity helper for inference and a frozen result (style.md §4.3, the `defineX` idiom). */
export function defineAdapter<const T extends Adapter>(adapter: T): T {
  return Object.freeze(adapter);
}
