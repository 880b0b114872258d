/**
 * The core's public API (design.md §4): estimates, account view, parsing, messages, venue data.
 * Everything here is pure: no DOM, no browser APIs, no I/O.
 */
export { estimatePosition } from './estimate';
export { estimateAccount } from './account-risk';
export { parseNumber, type NumberFormat, type ParsedNumber } from './parse-number';
export { parseDecimalInput } from './parse-decimal-input';
export { formatError, fieldLabel, ERROR_CODES, type ErrorCode } from './messages';
export { DEFAULT_TOLERANCE_PERCENT } from './cross-check';
export {
  VENUES,
  findVenue,
  findTierTable,
  findContractSize,
  normaliseSymbol,
} from './venues/index';
export type { Venue, TierTable } from './venues/index';
export type * from './contract';
