/**
 * The explain view: each step's formula, the user's numbers substituted, and the result, with
 * labels in English and Chinese. Shows the form used (L, L-entry, I, fixed), the tier chosen and
 * why, and the venue conventions applied.
 */
import type { Estimate, ExplainStep } from './contract';
import type { Decimal } from './decimal';
import type { Liquidation } from './liquidation/index';
import type { Position } from './position';
import { toOutput } from './round';

const n = (value: Decimal): string => toOutput(value);

function step(
  en: string,
  zh: string,
  formula: string,
  substituted: string,
  result: string | null,
): ExplainStep {
  return { label: { en, zh }, formula, substituted, result };
}

/**
 * @returns the steps in computation order.
 */
export function explainSteps(
  position: Position,
  liquidation: Liquidation,
  conventions: readonly string[],
  estimate: Estimate,
): ExplainStep[] {
  const steps: ExplainStep[] = [];
  const { model, solution } = liquidation;
  const inverse = position.product === 'inverse';
  const side = position.direction === 1 ? '+1' : '−1';

  if (conventions.length > 0) {
    steps.push(
      step(
        'Venue conventions',
        '交易所惯例',
        'fields not given are taken from the venue preset',
        conventions.join('; '),
        null,
      ),
    );
  }
  steps.push(
    inverse
      ? step(
          'Contract value',
          '合约价值',
          'V = contracts × contract value (USD)',
          `${n(position.quantity)} × ${n(position.contractSize)}`,
          n(position.exposure),
        )
      : step(
          position.product === 'futures' ? 'Position size (lots × multiplier)' : 'Position size',
          position.product === 'futures' ? '持仓规模（手数 × 合约乘数）' : '持仓数量',
          'Q = quantity × contract size',
          `${n(position.quantity)} × ${n(position.contractSize)}`,
          n(position.exposure),
        ),
  );
  if (position.marginFromLeverage && position.leverage !== null) {
    steps.push(
      step(
        'Margin from leverage',
        '由杠杆计算保证金',
        inverse ? 'M = V / EP / L' : 'M = Q × EP / L',
        `${n(position.exposure)} ${inverse ? '/' : '×'} ${n(position.entryPrice)} / ${n(position.leverage)}`,
        n(position.margin),
      ),
    );
  }
  if (position.marginMode === 'cross') {
    steps.push(
      step(
        'Cross margin backing the position',
        '全仓下支撑该仓位的保证金',
        'M = wallet − other positions’ MM + other positions’ uPnL',
        `${n(position.margin)} − ${n(position.otherMaintenanceMargin)} + ${n(position.otherUnrealizedPnl)}`,
        n(model.margin),
      ),
    );
  }
  steps.push(
    step(
      'Bankruptcy price',
      '破产价格',
      position.closeFeeBasis === 'bankruptcy'
        ? 'equity(BP) = fee at BP (Bybit: BP = (1 + f)·V / (V/EP + M) for a long)'
        : 'equity(BP) = 0 (zero maintenance, zero fee)',
      `M = ${n(model.margin)}, EP = ${n(position.entryPrice)}, side = ${side}${position.closeFeeBasis === 'bankruptcy' ? `, f = ${n(position.closeFeeRate)}` : ''}`,
      estimate.bankruptcyPrice,
    ),
  );
  if (!position.closeFeeRate.isZero()) {
    steps.push(
      liquidation.fee.kind === 'constant'
        ? step(
            'Closing fee (at bankruptcy price)',
            '平仓手续费（按破产价）',
            'F = f × value at BP',
            `${n(position.closeFeeRate)} × value at ${estimate.bankruptcyPrice ?? '—'}`,
            n(liquidation.fee.closeFee),
          )
        : step(
            'Closing fee (at liquidation price)',
            '平仓手续费（按强平价）',
            'fee(P) = f × value at P (added to the maintenance rate)',
            `f = ${n(position.closeFeeRate)}`,
            null,
          ),
    );
  }
  if (solution.ok && solution.tier !== null) {
    const { tier, measure, rule } = solution.tier;
    const why: Record<typeof rule, { en: string; zh: string }> = {
      'liquidation-notional': {
        en: 'notional at the liquidation price lies in [floor, cap)',
        zh: '强平价处的名义价值落在 [下限, 上限) 内',
      },
      'entry-notional': {
        en: 'maintenance on entry value: notional at entry lies in [floor, cap)',
        zh: '按开仓价值计算维持保证金：开仓名义价值落在 [下限, 上限) 内',
      },
      size: {
        en: 'tiers by position size: size lies in [floor, cap)',
        zh: '按持仓数量分档：数量落在 [下限, 上限) 内',
      },
      'most-conservative': {
        en: 'no tier is self-consistent (maintenance jumps at a boundary): the earliest liquidation is used',
        zh: '没有自洽的档位（维持保证金在边界处跳变）：采用最早触发的强平价',
      },
    };
    steps.push(
      step(
        `Tier ${String(tier.index + 1)} chosen`,
        `选用第 ${String(tier.index + 1)} 档`,
        why[rule].en,
        `${n(measure)} in [${n(tier.floor)}, ${tier.cap === null ? '∞' : n(tier.cap)}) → MMR ${n(tier.maintenanceMarginRate)}, cum ${n(tier.maintenanceAmount)}${tier.amountDerived ? ' (cum derived by the recurrence)' : ''}`,
        n(tier.maintenanceMarginRate),
      ),
    );
  }
  if (solution.ok) {
    const gap = model.gap(solution.maintenance, liquidation.fee);
    const form = formulaOf(position);
    steps.push(
      step(
        'Liquidation price',
        '强平价格',
        form,
        `equity − requirement = ${n(gap.constant)} + ${n(gap.slope)} × ${inverse ? '(1/P)' : 'P'} = 0, k = ${n(position.liquidationThreshold)}`,
        estimate.liquidationPrice,
      ),
    );
    steps.push(
      step(
        'Maintenance margin',
        '维持保证金',
        solution.maintenance.kind === 'fixed'
          ? 'MM = fixed amount'
          : position.maintenanceBasis === 'mark'
            ? 'MM = value at P × MMR − cum'
            : 'MM = value at entry × MMR − cum',
        estimate.liquidationPrice === null
          ? 'no liquidation price: at the current price'
          : `P = ${estimate.liquidationPrice}`,
        estimate.maintenanceMargin,
      ),
    );
  }
  if (estimate.buffer !== undefined && position.markPrice !== null) {
    steps.push(
      step(
        'Buffer',
        '安全距离',
        position.direction === 1 ? '(mark − P) / mark × 100' : '(P − mark) / mark × 100',
        `mark ${n(position.markPrice)}, P ${estimate.liquidationPrice ?? '—'}`,
        estimate.buffer.percent,
      ),
    );
  }
  if (estimate.crossCheck !== undefined) {
    steps.push(
      step(
        'Cross-check with the platform',
        '与平台强平价核对',
        '(estimate − platform) / platform × 100',
        `(${estimate.liquidationPrice ?? '—'} − ${estimate.crossCheck.platform}) / ${estimate.crossCheck.platform} × 100`,
        estimate.crossCheck.differencePercent,
      ),
    );
  }
  return steps;
}

function formulaOf(position: Position): string {
  const k = 'k';
  if (position.maintenance.kind === 'fixed') {
    return position.product === 'inverse'
      ? `M + side·V·(1/EP − 1/P) = ${k}·MM_fixed + fee`
      : `M + side·Q·(P − EP) = ${k}·MM_fixed + fee  (traditional futures, formulas.md §12)`;
  }
  if (position.product === 'inverse') {
    return position.maintenanceBasis === 'mark'
      ? `(I) M + side·V·(1/EP − 1/P) = ${k}·(V·MMR/P − cum) + fee`
      : `M + side·V·(1/EP − 1/P) = ${k}·(V·MMR/EP − cum) + fee  (maintenance on entry value)`;
  }
  return position.maintenanceBasis === 'mark'
    ? `(L) M + side·Q·(P − EP) = ${k}·(Q·P·MMR − cum) + fee`
    : `(L-entry) M + side·Q·(P − EP) = ${k}·(Q·EP·MMR − cum) + fee`;
}
