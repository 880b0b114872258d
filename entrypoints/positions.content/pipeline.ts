/**
 * Read rows → panel view model. Pure (no DOM, no browser APIs) and memoised by each row's raw
 * inputs, so a tick that changes one mark price recomputes one row (design.md §2, §6).
 *
 * Rules (issue 4, product standards):
 * - a row with any reader or conversion problem gets its problems and no estimate;
 * - cross positions share the wallet: they are estimated together (core estimateAccount) and only
 *   when every cross position on the page was read — otherwise each says what is missing;
 * - a core error becomes a translated problem, never a number.
 */
import type { Lang } from '../../components/i18n';
import { t } from '../../components/i18n/problems-t';
import type {
  PanelRowView,
  PanelStatus,
  PanelView,
  RowEstimateView,
  RowProblemView,
} from '../../components/panel/panel-model';
import type {
  AccountInput,
  AccountOutcome,
  CoreError,
  Estimate,
  EstimateOptions,
  EstimateOutcome,
  PositionInput,
} from '../../core/contract';
import type { PositionFromRaw, RawContext, RawPosition } from '../../core/position-from-raw';
import type { BufferReport } from '../../core/protocol';
import { NOT_AN_INPUT } from './not-an-input';
import { problemText } from './problem-text';

/** A field problem as the reader and position-from-raw report it. */
export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

/** One row as the reader returns it (read.ts RowRead, minus the element). */
export interface PipelineRow {
  readonly key: string;
  readonly raw: RawPosition;
  readonly problems: readonly FieldProblem[];
}

export interface PipelineInput {
  readonly siteId: string;
  readonly siteLabel: string;
  readonly status: Exclude<PanelStatus, 'failed'>;
  readonly rows: readonly PipelineRow[];
  /** Venue, number format, size unit and wallet balance text (as read) for converting one row. */
  readonly rawContextOf: (row: PipelineRow) => RawContext;
}

/** The settings the pipeline applies (core/settings.ts Settings, language resolved). */
export interface PipelineSettings {
  readonly lang: Lang;
  readonly tolerancePercent: string;
  /** venue id → close-fee rate override. */
  readonly feeRates: Readonly<Record<string, string>>;
}

export type FromRawResult = PositionFromRaw;

/** The core functions the pipeline calls (the real ones in production, the same in tests). */
export interface PipelineDeps {
  positionFromRaw(raw: RawPosition, context: RawContext): FromRawResult;
  estimatePosition(input: PositionInput, options: EstimateOptions): EstimateOutcome;
  estimateAccount(account: AccountInput, options: EstimateOptions): AccountOutcome;
  formatError(error: CoreError, lang: Lang): string;
}

export interface PipelineOutput {
  readonly view: PanelView;
  readonly buffers: readonly BufferReport[];
}

export interface Pipeline {
  run(input: PipelineInput, settings: PipelineSettings): PipelineOutput;
  /** How many row computations the last run actually did (the rest came from the memo). */
  readonly lastComputed: number;
}

/** A converted row before estimation, with the signature of everything it was made from. */
interface Converted {
  readonly row: PipelineRow;
  readonly result: FromRawResult;
  readonly signature: string;
}

/** Decimal places of a canonical decimal string ("62000.5" → 1). */
function fractionDigits(value: string | undefined): number {
  if (value === undefined) return 0;
  const point = value.indexOf('.');
  return point < 0 ? 0 : value.length - point - 1;
}

/** Display prices with the decimals the page itself uses for this position (at least 2, at most 10). */
function priceDecimalsOf(input: PositionInput): number {
  const digits = Math.max(
    fractionDigits(input.entryPrice),
    fractionDigits(input.markPrice),
    fractionDigits(input.platformLiquidationPrice),
  );
  return Math.min(Math.max(digits, 2), 10);
}

function withFeeOverride(input: PositionInput, settings: PipelineSettings): PositionInput {
  const venue = input.venue;
  const feeRate = venue === undefined ? undefined : settings.feeRates[venue];
  return feeRate === undefined ? input : { ...input, closeFeeRate: feeRate };
}

function estimateView(input: PositionInput, estimate: Estimate): RowEstimateView {
  return {
    kind: 'estimate',
    liquidationPrice: estimate.liquidationPrice,
    platformLiquidationPrice:
      estimate.crossCheck?.platform ?? input.platformLiquidationPrice ?? null,
    differencePercent: estimate.crossCheck?.differencePercent ?? null,
    agrees: estimate.crossCheck?.agrees ?? null,
    bufferPercent: estimate.buffer?.percent ?? null,
    bufferPrice: estimate.buffer?.price ?? null,
    priceDecimals: priceDecimalsOf(input),
  };
}

function headOf(result: FromRawResult, key: string): Omit<PanelRowView, 'state'> {
  const input = result.ok ? result.input : result.partialInput;
  return {
    key,
    symbol: result.symbol ?? '',
    side: result.ok ? result.input.side : (result.side ?? input.side ?? null),
    leverage: input.leverage ?? null,
    marginMode: input.marginMode ?? null,
  };
}

function problemsRow(converted: Converted, problems: readonly RowProblemView[]): PanelRowView {
  const { result, row } = converted;
  const prefill = result.ok ? result.input : result.partialInput;
  return {
    ...headOf(result, row.key),
    state: {
      kind: 'problems',
      problems,
      calculatorPrefill: Object.keys(prefill).length === 0 ? null : prefill,
    },
  };
}

function errorsToProblems(
  errors: readonly CoreError[],
  deps: PipelineDeps,
  lang: Lang,
): RowProblemView[] {
  return errors.map((error) => ({ field: error.field, message: deps.formatError(error, lang) }));
}

function fieldProblems(
  problems: readonly FieldProblem[],
  marginMode: string | undefined,
  lang: Lang,
): RowProblemView[] {
  return problems.map((problem) => {
    // Cross margin without the wallet on the page: say exactly that (issue 4 part 5).
    if (
      marginMode === 'cross' &&
      (problem.field === 'walletBalance' || problem.field === 'margin')
    ) {
      return { field: problem.field, message: t(lang, 'panel.crossMissingBalance') };
    }
    return { field: problem.field, message: problemText(problem.field, problem.reason, lang) };
  });
}

export { NOT_AN_INPUT };

function inputFields(raw: RawPosition): RawPosition {
  return Object.fromEntries(Object.entries(raw).filter(([field]) => !NOT_AN_INPUT.includes(field)));
}

/** A stable text signature of everything a row's result depends on. */
function signature(parts: readonly unknown[]): string {
  return JSON.stringify(parts);
}

/**
 * @param deps the core functions (positionFromRaw, estimatePosition, estimateAccount, formatError)
 * @returns a pipeline whose `run` is memoised per row and per cross account
 */
export function createPipeline(deps: PipelineDeps): Pipeline {
  let memo = new Map<string, PanelRowView>();
  let conversions = new Map<string, FromRawResult>();
  let lastComputed = 0;

  function isolatedRow(converted: Converted, settings: PipelineSettings): PanelRowView {
    const { result, row } = converted;
    const lang = settings.lang;
    if (row.problems.length > 0 || !result.ok) {
      const marginMode = result.ok ? result.input.marginMode : result.partialInput.marginMode;
      const problems = [...row.problems, ...(result.ok ? [] : result.problems)];
      return problemsRow(converted, fieldProblems(dedupe(problems), marginMode, lang));
    }
    const positionInput = withFeeOverride(result.input, settings);
    const outcome = deps.estimatePosition(positionInput, estimateOptions(settings));
    if (!outcome.ok) return problemsRow(converted, errorsToProblems(outcome.errors, deps, lang));
    return { ...headOf(result, row.key), state: estimateView(positionInput, outcome.estimate) };
  }

  function crossRows(group: readonly Converted[], settings: PipelineSettings): PanelRowView[] {
    const lang = settings.lang;
    const unreadable = group.filter((item) => item.row.problems.length > 0 || !item.result.ok);
    if (unreadable.length > 0) {
      // One unreadable cross position leaves the others' shared margin unknown: no estimates.
      return group.map((item) => {
        const own = [...item.row.problems, ...(item.result.ok ? [] : item.result.problems)];
        if (own.length > 0) return problemsRow(item, fieldProblems(dedupe(own), 'cross', lang));
        return problemsRow(item, [{ field: null, message: t(lang, 'panel.crossBlocked') }]);
      });
    }
    const inputs = group.map((item) =>
      withFeeOverride((item.result as Extract<FromRawResult, { ok: true }>).input, settings),
    );
    if (inputs.length === 1) {
      const [only] = group;
      if (only !== undefined) return [isolatedRow(only, settings)];
    }
    // position-from-raw set every cross position's margin to the wallet balance (design.md §4).
    const walletBalance = inputs[0]?.margin;
    const outcome = deps.estimateAccount(
      { ...(walletBalance === undefined ? {} : { walletBalance }), positions: inputs },
      estimateOptions(settings),
    );
    if (!outcome.ok) {
      const problems = errorsToProblems(outcome.errors, deps, lang);
      return group.map((item) => problemsRow(item, problems));
    }
    return group.map((item, index) => {
      const result = item.result as Extract<FromRawResult, { ok: true }>;
      const positionEstimate = outcome.account.positions.find((entry) => entry.index === index);
      const input = inputs[index];
      if (positionEstimate === undefined || input === undefined) {
        return problemsRow(item, [{ field: null, message: t(lang, 'panel.status.failed') }]);
      }
      return {
        ...headOf(result, item.row.key),
        state: estimateView(input, positionEstimate.estimate),
      };
    });
  }

  function run(input: PipelineInput, settings: PipelineSettings): PipelineOutput {
    const next = new Map<string, PanelRowView>();
    const nextConversions = new Map<string, FromRawResult>();
    let computed = 0;
    const converted = input.rows.map((row): Converted => {
      const rawContext = input.rawContextOf(row);
      const rowSignature = signature([row.key, inputFields(row.raw), row.problems, rawContext]);
      const result = conversions.get(rowSignature) ?? deps.positionFromRaw(row.raw, rawContext);
      nextConversions.set(rowSignature, result);
      return { row, result, signature: rowSignature };
    });
    const settingsSignature = signature([settings]);
    const views = new Map<string, PanelRowView>();

    // Cross positions share the wallet: any change in one recomputes the whole account.
    const cross = converted.filter((item) => modeOf(item.result) === 'cross');
    const crossSignature = signature([settingsSignature, cross.map((item) => item.signature)]);
    if (cross.length > 0) {
      const cached = cross.flatMap((item) => {
        const row = memo.get(`${crossSignature}#${item.row.key}`);
        return row === undefined ? [] : [row];
      });
      let rows = cached;
      if (cached.length !== cross.length) {
        computed++;
        rows = crossRows(cross, settings);
      }
      for (const row of rows) {
        views.set(row.key, row);
        next.set(`${crossSignature}#${row.key}`, row);
      }
    }
    for (const item of converted) {
      if (modeOf(item.result) === 'cross') continue;
      const memoKey = `${settingsSignature}|${item.signature}`;
      let row = memo.get(memoKey);
      if (row === undefined) {
        computed++;
        row = isolatedRow(item, settings);
      }
      next.set(memoKey, row);
      views.set(item.row.key, row);
    }

    conversions = nextConversions;
    memo = next; // keep only what the current page shows
    lastComputed = computed;
    const rows = input.rows.flatMap((row) => {
      const view = views.get(row.key);
      return view === undefined ? [] : [view];
    });
    return {
      view: { siteId: input.siteId, siteLabel: input.siteLabel, status: input.status, rows },
      buffers: bufferReports(rows),
    };
  }

  return {
    run,
    get lastComputed() {
      return lastComputed;
    },
  };
}

function estimateOptions(settings: PipelineSettings): EstimateOptions {
  return { tolerancePercent: settings.tolerancePercent };
}

function modeOf(result: FromRawResult): string | undefined {
  return result.ok ? result.input.marginMode : result.partialInput.marginMode;
}

/**
 * One problem per field: the reader's comes first and is the more precise one ("not shown yet"
 * rather than position-from-raw's "not found" for the same missing cell).
 */
function dedupe(problems: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    if (seen.has(problem.field)) return false;
    seen.add(problem.field);
    return true;
  });
}

/** What the background needs for alerts: one entry per row whose side is known. */
export function bufferReports(rows: readonly PanelRowView[]): BufferReport[] {
  return rows.flatMap((row) =>
    row.side === null
      ? []
      : [
          {
            key: row.key,
            symbol: row.symbol,
            side: row.side,
            bufferPercent: row.state.kind === 'estimate' ? row.state.bufferPercent : null,
          },
        ],
  );
}
