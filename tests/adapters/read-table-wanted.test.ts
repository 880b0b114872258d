/**
 * A table whose headers do not make it a positions table is refused before any of its rows is
 * read (read-table.ts buildTableModel `wanted`): a ticking order book or trade history then costs
 * its header row only, on every full read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GENERIC_ADAPTER } from '../../entrypoints/positions.content/adapters/generic';
import { readPositions } from '../../entrypoints/positions.content/read';
import { buildTableModel } from '../../entrypoints/positions.content/read-table';

/** A table of `headers` whose first body row throws when its cells are looked at. */
function tableWithTrap(headers: readonly string[], rows: readonly (readonly string[])[]) {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const header of headers) {
    const cell = document.createElement('th');
    cell.textContent = header;
    head.append(cell);
  }
  const body = table.createTBody();
  for (const texts of rows) {
    const row = body.insertRow();
    for (const text of texts) row.insertCell().textContent = text;
  }
  const trapped = body.rows[0];
  if (trapped === undefined) throw new Error('no body row');
  Object.defineProperty(trapped, 'children', {
    get() {
      throw new Error('a row of this table was read');
    },
  });
  document.body.append(table);
  return table;
}

const ORDER_BOOK = ['Price(USDT)', 'Amount(BTC)', 'Total'];
const ORDER_ROWS = [
  ['64,210.5', '0.512', '32,875.78'],
  ['64,210.4', '1.004', '64,467.24'],
];

afterEach(() => {
  document.body.replaceChildren();
});

describe('buildTableModel(table, wanted)', () => {
  it('refuses a table by its headers without reading a row', () => {
    const table = tableWithTrap(ORDER_BOOK, ORDER_ROWS);
    const asked: (readonly string[])[] = [];
    const model = buildTableModel(table, (headers) => {
      asked.push(headers);
      return false;
    });
    expect(model).toBeNull();
    expect(asked).toEqual([['price', 'amount', 'total']]);
  });

  it('lists the rows of a wanted table (the trap then fires), reading no cell text', () => {
    const trapped = tableWithTrap(ORDER_BOOK, ORDER_ROWS);
    expect(() => buildTableModel(trapped, () => true)).toThrow('a row of this table was read');
    document.body.replaceChildren();

    const table = document.createElement('table');
    const position =
      '<tr><td>BTCUSDT Perp</td><td>0.250 BTC</td><td>62,000.0</td><td>62,100.0</td>' +
      '<td>55,000.0</td><td>1,550.00 USDT</td></tr>';
    table.innerHTML =
      '<thead><tr><th>Symbol</th><th>Size</th><th>Entry Price</th><th>Mark Price</th>' +
      `<th>Liq. Price</th><th>Margin</th></tr></thead><tbody>${position}` +
      `<tr><td></td><td></td><td></td><td></td><td></td><td></td></tr>${position}</tbody>`;
    document.body.append(table);
    const model = buildTableModel(table);
    // Empty rows and copies are left out when the rows are read (read.ts acceptRow), not here.
    expect(model?.rows.map((row) => row.cells.length)).toEqual([6, 6, 6]);
    expect(model?.rows.every((row) => !('texts' in row))).toBe(true);
    const result = readPositions(document, GENERIC_ADAPTER);
    expect(result.rows).toHaveLength(1); // the copy in the third row is left out too
    expect(result.rows[0]?.element === model?.rows[0]?.element).toBe(true);
  });

  it('lets a page with an order book beside the positions read as before', () => {
    tableWithTrap(ORDER_BOOK, ORDER_ROWS);
    const positions = document.createElement('table');
    positions.innerHTML =
      '<thead><tr><th>Symbol</th><th>Size</th><th>Entry Price</th><th>Mark Price</th>' +
      '<th>Liq. Price</th><th>Margin</th></tr></thead><tbody><tr><td>BTCUSDT Perp</td>' +
      '<td>0.250 BTC</td><td>62,000.0</td><td>62,100.0</td><td>55,000.0</td>' +
      '<td>1,550.00 USDT</td></tr></tbody>';
    document.body.append(positions);
    const result = readPositions(document, GENERIC_ADAPTER);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]?.raw.entryPrice).toBe('62,000.0');
    expect(result.positionsArea).toBe(positions);
  });
});
