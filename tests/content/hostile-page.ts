/**
 * Shared by tests/content/hostile-*.test.ts: a positions table built with DOM APIs (so that
 * markup strings stay *text*, as on a real page), and the production path from the page to the
 * panel's view: readPositions → positionFromRaw → core → pipeline.
 */
import { estimateAccount, estimatePosition, formatError } from '../../core/index';
import { positionFromRaw } from '../../core/position-from-raw';
import {
  GENERIC_ADAPTER,
  rawContextFor,
  readPositions,
  type ReadResult,
} from '../../entrypoints/positions.content/read';
import { createPipeline, type PipelineOutput } from '../../entrypoints/positions.content/pipeline';

export const HEADERS = [
  'Symbol',
  'Side',
  'Margin Mode',
  'Size',
  'Entry Price',
  'Mark Price',
  'Margin',
  'Liq. Price',
] as const;

export interface RowTexts {
  readonly symbol: string;
  readonly side: string;
  readonly marginMode: string;
  readonly size: string;
  readonly entryPrice: string;
  readonly markPrice: string;
  readonly margin: string;
  readonly liquidationPrice: string;
}

/** A sane isolated BTC long (about 20x); the numbers are only there to be read back. */
export function saneRow(index = 0, overrides: Partial<RowTexts> = {}): RowTexts {
  return {
    symbol: `COIN${index}USDT`,
    side: index % 2 === 0 ? 'Long' : 'Short',
    marginMode: 'Isolated',
    size: '0.5',
    entryPrice: '62,000.0',
    markPrice: index % 2 === 0 ? '61,500.5' : '62,400.5',
    margin: '1,550.00',
    liquidationPrice: index % 2 === 0 ? '59,100.2' : '64,900.2',
    ...overrides,
  };
}

export function buildRow(doc: Document, texts: RowTexts): HTMLTableRowElement {
  const row = doc.createElement('tr');
  for (const text of [
    texts.symbol,
    texts.side,
    texts.marginMode,
    texts.size,
    texts.entryPrice,
    texts.markPrice,
    texts.margin,
    texts.liquidationPrice,
  ]) {
    const cell = doc.createElement('td');
    cell.textContent = text;
    row.append(cell);
  }
  return row;
}

export function buildTable(doc: Document, rows: readonly RowTexts[]): HTMLTableElement {
  const table = doc.createElement('table');
  const head = table.createTHead().insertRow();
  for (const header of HEADERS) {
    const cell = doc.createElement('th');
    cell.textContent = header;
    head.append(cell);
  }
  const body = table.createTBody();
  for (const texts of rows) body.append(buildRow(doc, texts));
  return table;
}

const pipeline = createPipeline({
  positionFromRaw,
  estimatePosition,
  estimateAccount,
  formatError,
});

/** The content script's path from a read to the panel view (generic reader, Binance rules, English). */
export function viewOf(result: ReadResult): PipelineOutput {
  return pipeline.run(
    {
      siteId: GENERIC_ADAPTER.id,
      siteLabel: GENERIC_ADAPTER.label,
      status: result.status,
      rows: result.rows,
      // The generic adapter names no core venue ("generic" is not one): estimate as on Binance,
      // the way a site adapter would, so the rows reach the core's formulas.
      rawContextOf: () => ({
        ...rawContextFor(GENERIC_ADAPTER, result, 'linear'),
        venue: 'binance',
      }),
    },
    { lang: 'en', tolerancePercent: '0.5', feeRates: {} },
  );
}

export function readPage(root: ParentNode = document): ReadResult {
  return readPositions(root, GENERIC_ADAPTER);
}
