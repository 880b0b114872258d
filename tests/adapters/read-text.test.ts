import { describe, expect, it } from 'vitest';
import {
  numberFormatForLocale,
  resolveNumberFormat,
} from '../../entrypoints/positions.content/read-format';
import { GENERIC_ADAPTER } from '../../entrypoints/positions.content/adapters/generic';
import { readText } from '../../entrypoints/positions.content/read-text';
import { loadDocument } from './fixture-harness';

function element(html: string): Element {
  const document = loadDocument(
    `<html><body><div id="cell">${html}</div></body></html>`,
    'https://x.test/',
  );
  const found = document.getElementById('cell');
  if (found === null) throw new Error('fixture element missing');
  return found;
}

describe('readText', () => {
  it('separates glued cells and badges that textContent joins', () => {
    expect(readText(element('<span>12</span><span>BTCUSDT</span>'))).toBe('12 BTCUSDT');
    expect(readText(element('<a>ETH</a><span>20x</span>'))).toBe('ETH 20x');
  });

  it('keeps a number split into spans for tick highlighting whole', () => {
    expect(readText(element('<span>71,704</span><span>.6</span>'))).toBe('71,704.6');
  });

  it('skips icons, hidden copies and our own injected nodes', () => {
    const html =
      '<svg><title>sort</title></svg><span aria-hidden="true">0.5</span>' +
      '<span>0.500 BTC</span><liq-sentinel-badge>liq 48,830</liq-sentinel-badge><span hidden>x</span>';
    expect(readText(element(html))).toBe('0.500 BTC');
  });

  it('collapses whitespace and trims', () => {
    expect(readText(element('\n  61,250.40 \n <span> USDT </span>'))).toBe('61,250.40 USDT');
  });
});

describe('number format from the page', () => {
  it.each([
    ['en-US', '.', ','],
    ['zh-CN', '.', ','],
    ['de-DE', ',', '.'],
    ['ru-RU', ',', ' '],
    ['vi', ',', '.'],
    ['', '.', ','],
  ])('%j uses decimal %j and group %j', (tag, decimalSeparator, groupSeparator) => {
    expect(numberFormatForLocale(tag)).toEqual({ decimalSeparator, groupSeparator });
  });

  it('takes <html lang> first, then the URL locale segment or lang parameter', () => {
    const withLang = loadDocument(
      '<html lang="de"><body></body></html>',
      'https://x.test/en/futures/X',
    );
    const fromPath = loadDocument('<html><body></body></html>', 'https://x.test/ru/futures/X');
    const fromQuery = loadDocument(
      '<html><body></body></html>',
      'https://x.test/exchange/X?lang=ru-RU',
    );
    expect(resolveNumberFormat(GENERIC_ADAPTER, withLang).decimalSeparator).toBe(',');
    expect(resolveNumberFormat(GENERIC_ADAPTER, fromPath)).toEqual({
      decimalSeparator: ',',
      groupSeparator: ' ',
    });
    expect(resolveNumberFormat(GENERIC_ADAPTER, fromQuery).groupSeparator).toBe(' ');
  });
});
