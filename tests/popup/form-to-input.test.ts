import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PositionInput } from '../../core/contract';
import { Decimal } from '../../core/decimal';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { EMPTY_FORM, type CalculatorForm } from '../../entrypoints/popup/calculator/form';
import { readCalculatorForm } from '../../entrypoints/popup/calculator/form-to-input';
import { formFromPrefill, sanitizeForm } from '../../entrypoints/popup/calculator/sanitize-form';

const VECTORS: readonly { id: string; cli?: PositionInput }[] = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../shared/vectors/public.json'), 'utf8'),
);
const CLI_INPUTS = VECTORS.flatMap((vector) =>
  vector.cli === undefined ? [] : [[vector.id, vector.cli] as const],
);

const form = (patch: Partial<CalculatorForm>): CalculatorForm => ({ ...EMPTY_FORM, ...patch });
const ISOLATED_LONG = form({
  quantity: '0.5',
  entryPrice: '60000',
  margin: '3000',
  maintenanceMarginRate: '0.004',
});

describe('readCalculatorForm', () => {
  it.each(CLI_INPUTS)('maps the %s vector back to the same core input', (_id, cli) => {
    const reading = readCalculatorForm(formFromPrefill(cli, ''), DEFAULT_SETTINGS);
    // Numbers come back canonical ("63287.0" → "63287"); the words (product, side, ...) as they were.
    const canonical = Object.fromEntries(
      Object.entries(cli).map(([key, value]: [string, string]) => [
        key,
        /^-?[\d.]+$/.test(value) ? new Decimal(value).toFixed() : value,
      ]),
    );
    expect(reading).toEqual({ status: 'ready', input: canonical, feeRateFromSettings: false });
  });

  it('is incomplete, naming the required fields, while they are empty', () => {
    expect(readCalculatorForm(EMPTY_FORM, DEFAULT_SETTINGS)).toEqual({
      status: 'incomplete',
      missing: ['quantity', 'entryPrice', 'margin', 'maintenanceMarginRate'],
      problems: [],
    });
  });

  it('requires the contract value for inverse and the multiplier for futures', () => {
    for (const product of ['inverse', 'futures'] as const) {
      const reading = readCalculatorForm({ ...ISOLATED_LONG, product }, DEFAULT_SETTINGS);
      expect(reading.status).toBe('incomplete');
      expect(reading.status !== 'ready' && reading.missing).toEqual(['contractSize']);
    }
  });

  it('marks text that is not a number on its field, and a unit typed after a number', () => {
    const reading = readCalculatorForm(
      { ...ISOLATED_LONG, entryPrice: '6OOOO', quantity: '12abc' },
      DEFAULT_SETTINGS,
    );
    expect(reading).toEqual({
      status: 'invalid',
      missing: [],
      problems: [
        { field: 'quantity', reason: 'unreadable' },
        { field: 'entryPrice', reason: 'unreadable' },
      ],
    });
  });

  it('reads a rate written as a percent and refuses a percent elsewhere', () => {
    const rate = readCalculatorForm(
      { ...ISOLATED_LONG, maintenanceMarginRate: '0.4%', closeFeeRate: '0.05 %' },
      DEFAULT_SETTINGS,
    );
    expect(rate.status === 'ready' && rate.input.maintenanceMarginRate).toBe('0.004');
    expect(rate.status === 'ready' && rate.input.closeFeeRate).toBe('0.0005');
    const price = readCalculatorForm({ ...ISOLATED_LONG, entryPrice: '5%' }, DEFAULT_SETTINGS);
    expect(price.status !== 'ready' && price.problems).toEqual([
      { field: 'entryPrice', reason: 'percent-not-allowed' },
    ]);
  });

  it('reads numbers in the chosen format: grouping in en, decimal comma in eu', () => {
    const en = readCalculatorForm({ ...ISOLATED_LONG, entryPrice: '60,000.5' }, DEFAULT_SETTINGS);
    expect(en.status === 'ready' && en.input.entryPrice).toBe('60000.5');
    const eu = readCalculatorForm(
      { ...ISOLATED_LONG, entryPrice: '60.000,5', quantity: '0,5', maintenanceMarginRate: '0,004' },
      { ...DEFAULT_SETTINGS, numberFormat: 'eu' },
    );
    expect(eu.status === 'ready' && eu.input).toMatchObject({
      entryPrice: '60000.5',
      quantity: '0.5',
      maintenanceMarginRate: '0.004',
    });
  });

  it('uses leverage instead of margin when chosen, and the wallet balance in cross', () => {
    const leverage = readCalculatorForm(
      { ...ISOLATED_LONG, marginSource: 'leverage', leverage: '20x', margin: '999' },
      DEFAULT_SETTINGS,
    );
    expect(leverage.status).toBe('invalid'); // "20x" carries a unit
    const plain = readCalculatorForm(
      { ...ISOLATED_LONG, marginSource: 'leverage', leverage: '20', margin: '999' },
      DEFAULT_SETTINGS,
    );
    expect(plain.status === 'ready' && plain.input).toMatchObject({ leverage: '20' });
    expect(plain.status === 'ready' && 'margin' in plain.input).toBe(false);
    // Leverage does not move a cross liquidation price: cross always reads the wallet balance.
    const cross = readCalculatorForm(
      {
        ...ISOLATED_LONG,
        marginMode: 'cross',
        marginSource: 'leverage',
        otherUnrealizedPnl: '-12',
      },
      DEFAULT_SETTINGS,
    );
    expect(cross.status === 'ready' && cross.input).toMatchObject({
      margin: '3000',
      otherUnrealizedPnl: '-12',
    });
  });

  it('leaves other positions out of an isolated input', () => {
    const reading = readCalculatorForm(
      { ...ISOLATED_LONG, otherMaintenanceMargin: '5', otherUnrealizedPnl: '-3' },
      DEFAULT_SETTINGS,
    );
    expect(reading.status === 'ready' && reading.input).not.toHaveProperty(
      'otherMaintenanceMargin',
    );
  });

  it('sends venue and symbol for venue tiers, and only the venue with a typed rate', () => {
    const preset = readCalculatorForm(
      { ...ISOLATED_LONG, maintenanceSource: 'preset', venue: 'binance', symbol: ' BTCUSDT ' },
      DEFAULT_SETTINGS,
    );
    expect(preset.status === 'ready' && preset.input).toMatchObject({
      venue: 'binance',
      symbol: 'BTCUSDT',
    });
    expect(preset.status === 'ready' && preset.input).not.toHaveProperty('maintenanceMarginRate');
    const typed = readCalculatorForm(
      { ...ISOLATED_LONG, venue: 'okx', symbol: 'X' },
      DEFAULT_SETTINGS,
    );
    expect(typed.status === 'ready' && typed.input).not.toHaveProperty('symbol');
    const missing = readCalculatorForm(
      { ...ISOLATED_LONG, maintenanceSource: 'preset' },
      DEFAULT_SETTINGS,
    );
    expect(missing.status !== 'ready' && missing.missing).toEqual(['venue', 'symbol']);
  });

  it('applies the fee override from settings only when no fee is typed', () => {
    const settings = { ...DEFAULT_SETTINGS, feeRates: { okx: '0.0003' } };
    const fromSettings = readCalculatorForm({ ...ISOLATED_LONG, venue: 'okx' }, settings);
    expect(fromSettings).toMatchObject({
      status: 'ready',
      feeRateFromSettings: true,
      input: { closeFeeRate: '0.0003' },
    });
    const typed = readCalculatorForm(
      { ...ISOLATED_LONG, venue: 'okx', closeFeeRate: '0' },
      settings,
    );
    expect(typed).toMatchObject({ feeRateFromSettings: false, input: { closeFeeRate: '0' } });
  });
});

describe('sanitizeForm', () => {
  it('keeps valid fields and drops corrupt ones', () => {
    expect(
      sanitizeForm({
        product: 'inverse',
        side: 'sideways',
        quantity: 100,
        entryPrice: '3000',
        maintenanceBasis: 'entry',
        closeFeeBasis: 'nowhere',
        symbol: 'x'.repeat(500),
      }),
    ).toEqual({ ...EMPTY_FORM, product: 'inverse', entryPrice: '3000', maintenanceBasis: 'entry' });
  });

  it('gives the empty form for anything that is not an object', () => {
    for (const value of [null, undefined, 'form', 7])
      expect(sanitizeForm(value)).toEqual(EMPTY_FORM);
  });
});
