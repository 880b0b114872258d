/**
 * Incremental reading must never differ from a full read. Every committed fixture page is read
 * once, then mutated the way exchanges do (price ticks in cells, whole cell texts replaced, rows
 * added, hidden, duplicated or removed, headers renamed, the table replaced); after each step the
 * incremental reader's answer must equal a fresh full read of the same page.
 */
import { describe, expect, it } from 'vitest';
import { createPositionsReader } from '../../entrypoints/positions.content/read-incremental';
import { adapterForFixture, listFixtures, loadDocument, readFixture } from './fixture-harness';
import { comparable, expectSameAsFull } from './read-compare';
import { seededRandom as random } from './seeded-random';

const DATA_CELLS = 'td, [role="cell"], [role="gridcell"]';

function pick<T>(items: readonly T[], next: () => number): T | undefined {
  return items[Math.floor(next() * items.length)];
}

/** The first text node under `element` with visible text (not layout whitespace). */
function firstTextNode(element: Element): Text | null {
  const walker = element.ownerDocument.createTreeWalker(element, 4);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if ((node.nodeValue ?? '').trim() !== '') return node as Text;
  }
  return null;
}

type Step = (document: Document, area: Element, next: () => number) => void;

/** A price tick: one digit of a cell's text node changes in place (characterData). */
const tickDigit: Step = (_document, area, next) => {
  const cell = pick(Array.from(area.querySelectorAll(DATA_CELLS)), next);
  const text = cell === undefined ? null : firstTextNode(cell);
  if (text === null) return;
  text.data = text.data.replace(/\d/, String(Math.floor(next() * 10)));
};

/** React replacing a cell's content: childList inside the cell, sometimes junk or empty text. */
const replaceCellText: Step = (_document, area, next) => {
  const cell = pick(Array.from(area.querySelectorAll(DATA_CELLS)), next);
  if (cell === undefined) return;
  const choices = ['71,234.5', '--', '', 'Long', 'Short 20x', 'abc', '0.010 BTC', '-3'];
  cell.textContent = pick(choices, next) ?? '';
};

/**
 * A text node rewritten to words that row scans and locators look for (side, mode, leverage, a
 * quoted symbol) or away from them: a tick must re-decide what those words decided.
 */
const tickWord: Step = (_document, area, next) => {
  const cell = pick(Array.from(area.querySelectorAll(DATA_CELLS)), next);
  const text = cell === undefined ? null : firstTextNode(cell);
  if (text === null) return;
  const choices = [
    'Long',
    'Sell',
    'Cross 10x',
    'Isolated',
    'ETH-USDT',
    '多',
    '25×',
    '1,234.5 USDT',
  ];
  text.data = pick(choices, next) ?? '';
};

/** A text node written with the text it already had: a record, but nothing changed. */
const sameText: Step = (_document, area, next) => {
  const cell = pick(Array.from(area.querySelectorAll(DATA_CELLS)), next);
  const text = cell === undefined ? null : firstTextNode(cell);
  text?.appendData(''); // a characterData record all the same (DOM "replace data")
};

/**
 * A badge added inside a cell (childList, no row or cell part): adapters' css locators and side
 * hints (OKX `.positive-pl`, Gate `.mantine-Badge-label`, `span.text-b10`) see elements, not text.
 */
const insertBadge: Step = (document, area, next) => {
  const cell = pick(Array.from(area.querySelectorAll(DATA_CELLS)), next);
  if (cell === undefined) return;
  const badge = document.createElement('span');
  badge.className =
    pick(['positive-pl', 'negative-pl', 'mantine-Badge-label', 'text-b10'], next) ?? '';
  badge.textContent = pick(['多', '空', 'Long', 'Short', 'ETH_USDT', '20x'], next) ?? '';
  cell.append(badge);
};

/**
 * A text node moved into another cell (childList in both): a later tick of it is in its new cell,
 * whatever the reader remembered of where it sat.
 */
const moveTextNode: Step = (_document, area, next) => {
  const cells = Array.from(area.querySelectorAll(DATA_CELLS));
  const from = pick(cells, next);
  const to = pick(cells, next);
  const text = from === undefined ? null : firstTextNode(from);
  if (text === null || to === undefined || to.contains(text)) return;
  to.append(text);
  text.data = text.data.replace(/\d/, String(Math.floor(next() * 10)));
};

/** A text node taken out of its cell and written after (the observer still reports it). */
const detachThenWrite: Step = (_document, area, next) => {
  const cell = pick(Array.from(area.querySelectorAll(DATA_CELLS)), next);
  const text = cell === undefined ? null : firstTextNode(cell);
  if (text === null) return;
  text.remove();
  text.data = `${text.data}1`;
};

/**
 * One row's text nodes rewritten, in place, to another row's texts: by characterData alone a row
 * becomes a copy of another (a duplicate render), which the full read skips.
 */
const copyRowTexts: Step = (_document, area, next) => {
  const rows = Array.from(area.querySelectorAll('tr, [role="row"]')).filter(
    (row) => row.querySelector(DATA_CELLS) !== null,
  );
  const from = pick(rows, next);
  const to = pick(rows, next);
  if (from === undefined || to === undefined || from === to) return;
  const walker = (row: Element) => row.ownerDocument.createTreeWalker(row, 4);
  const source = walker(from);
  const target = walker(to);
  for (
    let a = source.nextNode(), b = target.nextNode();
    a !== null && b !== null;
    a = source.nextNode(), b = target.nextNode()
  ) {
    if (b.nodeValue !== a.nodeValue) b.nodeValue = a.nodeValue;
  }
};

/** A row copied next to itself (virtualised lists render duplicates) or a new position. */
const cloneRow: Step = (_document, area, next) => {
  const cell = pick(Array.from(area.querySelectorAll(DATA_CELLS)), next);
  const row = cell?.closest('tr, [role="row"]');
  if (row === null || row === undefined) return;
  row.after(row.cloneNode(true));
};

const removeRow: Step = (_document, area, next) => {
  const cell = pick(Array.from(area.querySelectorAll(DATA_CELLS)), next);
  cell?.closest('tr, [role="row"]')?.remove();
};

const hideRow: Step = (_document, area, next) => {
  const cell = pick(Array.from(area.querySelectorAll(DATA_CELLS)), next);
  cell?.closest('tr, [role="row"]')?.setAttribute('aria-hidden', 'true');
};

const renameHeader: Step = (_document, area, next) => {
  const header = pick(Array.from(area.querySelectorAll('th, [role="columnheader"]')), next);
  if (header !== undefined) header.textContent = pick(['Size', 'Mark Price', 'PnL'], next) ?? '';
};

const replaceArea: Step = (_document, area) => {
  area.replaceWith(area.cloneNode(true));
};

const fixtures = listFixtures();

describe('incremental reading equals a full read', () => {
  for (const file of fixtures) {
    it(`${file.adapterId}/${file.name}`, () => {
      const { html, expected } = readFixture(file);
      const adapter = adapterForFixture(file.adapterId, expected.url);
      if (adapter === null) throw new Error(`no adapter for ${expected.url}`);
      const document = loadDocument(html, expected.url);
      const window = document.defaultView;
      if (window === null) throw new Error('no window');
      const reader = createPositionsReader();
      const observer = new window.MutationObserver(() => undefined);
      observer.observe(document, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
      let result = reader.read(document, adapter, null);
      expectSameAsFull(result, { document, adapter });
      const next = random(file.name.length * 7919 + file.adapterId.length);
      const steps: Step[] = [
        tickDigit,
        tickDigit,
        tickDigit,
        replaceCellText,
        replaceCellText,
        tickWord,
        sameText,
        insertBadge,
      ];
      const rare: Step[] = [
        cloneRow,
        removeRow,
        hideRow,
        renameHeader,
        replaceArea,
        moveTextNode,
        detachThenWrite,
        copyRowTexts,
      ];
      for (let round = 0; round < 60; round += 1) {
        const area = result.positionsArea ?? document.body;
        // Up to three changes per read, as a frame gathers several ticks.
        const count = 1 + Math.floor(next() * 3);
        for (let change = 0; change < count; change += 1) {
          const step = round % 8 === 7 && change === 0 ? pick(rare, next) : pick(steps, next);
          step?.(document, area, next);
        }
        result = reader.read(document, adapter, observer.takeRecords());
        expectSameAsFull(result, { document, adapter });
      }
      observer.disconnect();
    });
  }
});

describe('a tick re-reads only the changed row', () => {
  const file = fixtures.find((candidate) => candidate.name === '2026-11-22-en-usdm-one-way');
  it('keeps the unchanged rows as they were read', () => {
    if (file === undefined) throw new Error('no binance fixture');
    const { html, expected } = readFixture(file);
    const adapter = adapterForFixture(file.adapterId, expected.url);
    if (adapter === null) throw new Error(`no adapter for ${expected.url}`);
    const document = loadDocument(html, expected.url);
    const reader = createPositionsReader();
    const before = reader.read(document, adapter, null);
    expect(before.rows.length).toBeGreaterThan(1);
    const window = document.defaultView;
    if (window === null) throw new Error('no window');
    const observer = new window.MutationObserver(() => undefined);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    const firstRow = before.rows[0]?.element;
    const text = firstRow === undefined ? null : firstTextNode(firstRow);
    if (text === null) throw new Error('no text in the first row');
    text.data = `${text.data} `; // same value once trimmed: the row reads the same
    const after = reader.read(document, adapter, observer.takeRecords());
    observer.disconnect();
    expect(after.rows.slice(1)).toEqual(before.rows.slice(1));
    // Not read again: the very same raw objects (a full read builds new ones).
    after.rows.slice(1).forEach((row, index) => {
      expect(row.raw).toBe(before.rows[index + 1]?.raw);
    });
    expectSameAsFull(after, { document, adapter });
  });

  it('reads in full when the changes are unknown', () => {
    if (file === undefined) throw new Error('no binance fixture');
    const { html, expected } = readFixture(file);
    const adapter = adapterForFixture(file.adapterId, expected.url);
    if (adapter === null) throw new Error(`no adapter for ${expected.url}`);
    const document = loadDocument(html, expected.url);
    const reader = createPositionsReader();
    const before = reader.read(document, adapter, null);
    const again = reader.read(document, adapter, null);
    expect(comparable(again)).toEqual(comparable(before));
    expect(again.rows[0]?.raw).not.toBe(before.rows[0]?.raw);
  });
});
