import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { BufferBar } from '../../components/buffer-bar';
import { bufferLevel } from '../../components/buffer-level';
import { NumberText } from '../../components/number-text';
import { PriceLadder } from '../../components/price-ladder';

describe('NumberText', () => {
  it('shows the formatted number and keeps the plain decimal in data-value', () => {
    render(
      <NumberText
        value="-1234567.891"
        lang="en"
        style="eu"
        maxFractionDigits={2}
        unit="USDT"
        testId="n"
      />,
    );
    const number = screen.getByTestId('n');
    expect(number.getAttribute('data-value')).toBe('-1234567.891');
    expect(number.textContent).toBe('\u22121.234.567,89USDT');
  });
});

describe('bufferLevel', () => {
  it.each([
    ['25', 'safe'],
    ['10', 'safe'],
    ['9.99', 'warning'],
    ['5', 'warning'],
    ['4.99', 'danger'],
    ['0', 'breached'],
    ['-3', 'breached'],
  ] as const)('puts a %s %% buffer in %s (warning 10, danger 5)', (percent, level) => {
    expect(bufferLevel(percent, '10', '5')).toBe(level);
  });
});

describe('BufferBar', () => {
  it('writes the level as text, not only as a colour', () => {
    render(<BufferBar percent="3" warningPercent="10" dangerPercent="5" lang="zh" testId="bar" />);
    const bar = screen.getByTestId('bar');
    expect(bar.dataset.level).toBe('danger');
    expect(bar.textContent).toContain('危险');
  });

  it('fills in proportion to twice the warning level, clamped', () => {
    const { container, rerender } = render(
      <BufferBar percent="5" warningPercent="10" dangerPercent="5" />,
    );
    const fill = () => container.querySelector<HTMLElement>('.buffer-fill')!.style.width;
    expect(fill()).toBe('25.0%');
    rerender(<BufferBar percent="80" warningPercent="10" dangerPercent="5" />);
    expect(fill()).toBe('100.0%');
    rerender(<BufferBar percent="-4" warningPercent="10" dangerPercent="5" />);
    expect(fill()).toBe('0.0%');
  });
});

describe('PriceLadder', () => {
  const xOf = (container: Element, key: string) =>
    Number(container.querySelector(`.ladder-${key} circle`)!.getAttribute('cx'));
  const zone = (container: Element, name: string) => {
    const rect = container.querySelector(`.ladder-zone-${name}`)!;
    const x = Number(rect.getAttribute('x'));
    return { from: x, to: x + Number(rect.getAttribute('width')) };
  };

  it('draws a long: liquidation below entry, the danger zone just above liquidation', () => {
    const { container } = render(
      <PriceLadder
        side="long"
        liquidationPrice="90"
        bankruptcyPrice="89"
        entryPrice="100"
        markPrice="98"
        warningPercent="10"
        dangerPercent="5"
        lang="en"
        style="auto"
      />,
    );
    const liq = xOf(container, 'liquidation');
    expect(xOf(container, 'bankruptcy')).toBeLessThan(liq);
    expect(xOf(container, 'entry')).toBeGreaterThan(xOf(container, 'mark'));
    expect(zone(container, 'danger').from).toBeCloseTo(liq, 0);
    expect(zone(container, 'danger').to).toBeLessThanOrEqual(
      zone(container, 'warning').from + 0.01,
    );
    expect(container.textContent).toContain('Liq 90');
  });

  it('draws a short: liquidation above entry, the danger zone just below liquidation', () => {
    const { container } = render(
      <PriceLadder
        side="short"
        liquidationPrice="110"
        bankruptcyPrice="111"
        entryPrice="100"
        warningPercent="10"
        dangerPercent="5"
        lang="zh"
        style="auto"
      />,
    );
    const liq = xOf(container, 'liquidation');
    expect(xOf(container, 'bankruptcy')).toBeGreaterThan(liq);
    expect(zone(container, 'danger').to).toBeCloseTo(liq, 0);
    expect(container.querySelector('.ladder-mark')).toBeNull();
    expect(container.textContent).toContain('强平 110');
  });
});
