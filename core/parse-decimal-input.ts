/**
 * Strict parser for the core's own inputs, part of the one text → number module family with
 * ./parse-number.ts (style.md §4.4; eslint.config.js allows Decimal construction from text only in
 * the core). Kept apart from parse-number.ts so that the page-side reader does not bundle
 * decimal.js (design.md §6 content-script budget).
 */
import { Decimal } from './decimal';

/**
 * "62000.5", "-3", "+0.5", "1e-4" (no grouping, no units) → a finite Decimal.
 *
 * @returns a finite Decimal, or null for anything else (including "", "NaN", "Infinity", "1,5").
 */
export function parseDecimalInput(text: string): Decimal | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 100) return null;
  // The exponent is bounded so that a hostile "1e999999999" cannot create a huge plain string later.
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,3})?$/.test(trimmed)) return null;
  try {
    const parsed = new Decimal(trimmed);
    return parsed.isFinite() ? parsed : null;
  } catch {
    return null;
  }
}
