/**
 * The CLI's logic, pure: argv + stdin text → exit status + one JSON object (design.md §4).
 *
 *   input   a PositionInput object; or {"position": {...}, "options": {...}};
 *           or {"account": {...}, "options": {...}} for the account view
 *   flags   --explain (steps), --lang en|zh (error messages), --tolerance <percent>,
 *           --target-buffer <percent>; flags override "options" in the JSON
 *   output  success: the Estimate (or {"account": AccountEstimate}), exit 0;
 *           bad input: {"error": {code, field, message, params?}, "errors": [...all]}, exit 2
 */
import type { AccountInput, CoreError, EstimateOptions, PositionInput } from './contract';
import { estimateAccount } from './account-risk';
import { estimatePosition } from './estimate';
import { coreError, ERROR_CODES, formatError } from './messages';

export interface CliResult {
  readonly status: 0 | 2;
  readonly output: unknown;
}

interface Flags {
  readonly explain: boolean;
  readonly lang: 'en' | 'zh';
  readonly tolerancePercent?: string;
  readonly targetBufferPercent?: string;
}

/**
 * @param args - command-line arguments after the script name.
 * @param stdin - the whole standard input.
 */
export function runCli(args: readonly string[], stdin: string): CliResult {
  const flags = parseFlags(args);
  if (!flags.ok) return failure([flags.error], 'en');
  const { lang } = flags.flags;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdin);
  } catch (error) {
    return failure(
      [coreError(ERROR_CODES.INVALID_JSON, null, { reason: String(error).slice(0, 120) })],
      lang,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return failure([coreError(ERROR_CODES.NOT_AN_OBJECT, 'input')], lang);
  }
  const record = parsed as Readonly<Record<string, unknown>>;
  const jsonOptions =
    typeof record.options === 'object' && record.options !== null ? record.options : {};
  const options: EstimateOptions = {
    ...(jsonOptions as EstimateOptions),
    ...(flags.flags.tolerancePercent === undefined
      ? {}
      : { tolerancePercent: flags.flags.tolerancePercent }),
    ...(flags.flags.targetBufferPercent === undefined
      ? {}
      : { targetBufferPercent: flags.flags.targetBufferPercent }),
    ...(flags.flags.explain ? { explain: true } : {}),
  };
  if (record.account !== undefined) {
    const outcome = estimateAccount(record.account as AccountInput, options);
    return outcome.ok
      ? { status: 0, output: { account: outcome.account } }
      : failure(outcome.errors, lang);
  }
  const bare = Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'options'));
  const position = (record.position ?? bare) as PositionInput;
  const outcome = estimatePosition(position, options);
  return outcome.ok ? { status: 0, output: outcome.estimate } : failure(outcome.errors, lang);
}

function parseFlags(
  args: readonly string[],
): { ok: true; flags: Flags } | { ok: false; error: CoreError } {
  let explain = false;
  let lang: 'en' | 'zh' = 'en';
  let tolerancePercent: string | undefined;
  let targetBufferPercent: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    const [name, inline] = arg.split('=', 2) as [string, string | undefined];
    const value = (): string | undefined => inline ?? args[++index];
    if (name === '--explain') explain = true;
    else if (name === '--lang') {
      const chosen = value();
      if (chosen !== 'en' && chosen !== 'zh')
        return { ok: false, error: unknownOption(`--lang ${chosen ?? ''}`) };
      lang = chosen;
    } else if (name === '--tolerance') tolerancePercent = value() ?? '';
    else if (name === '--target-buffer') targetBufferPercent = value() ?? '';
    else return { ok: false, error: unknownOption(arg) };
  }
  return {
    ok: true,
    flags: {
      explain,
      lang,
      ...(tolerancePercent === undefined ? {} : { tolerancePercent }),
      ...(targetBufferPercent === undefined ? {} : { targetBufferPercent }),
    },
  };
}

function unknownOption(arg: string): CoreError {
  return coreError(ERROR_CODES.UNKNOWN_OPTION, null, { value: arg.slice(0, 40) });
}

function failure(errors: readonly CoreError[], lang: 'en' | 'zh'): CliResult {
  const shown = errors.map((error) => ({
    code: error.code,
    field: error.field,
    message: formatError(error, lang),
    ...(error.params === undefined ? {} : { params: error.params }),
  }));
  const first = shown[0] ?? { code: ERROR_CODES.INTERNAL, field: null, message: 'unknown error' };
  return { status: 2, output: { error: first, errors: shown } };
}
