/**
 * Header and label matching. Exchanges write the same header many ways: `Liq.Price`, `Liq. Price`,
 * `Size (BTC)`, `大小(ETH)`, `收益额（收益率）`, `PNL (ROI %)` (exchange-pages.md §1, §10), so
 * headers are normalised before they meet the anchored synonym regexes in adapters/generic.ts.
 */
import { perText } from '../../core/position-text';
import type { LabelText } from './adapters/types';

/**
 * NFKC (full-width brackets and letters to ASCII), lower case, every parenthesised part removed
 * (units, ROI), dots, colons, asterisks and middle dots turned into spaces, spaces collapsed.
 */
export const normalizeLabel = perText((text) => {
  let label = text.normalize('NFKC').toLowerCase();
  // Repeat so that nested or several bracket groups all go: "pnl (roi %)", "size (btc) (cont)".
  for (let previous = ''; previous !== label;) {
    previous = label;
    label = label.replace(/\([^()]*\)/g, ' ').replace(/\[[^[\]]*\]/g, ' ');
  }
  return label
    .replace(/[.:*·•]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
});

/** True when an already normalised label is one of the label's EN or ZH forms. */
export function matchesNormalizedLabel(normalized: string, label: LabelText): boolean {
  if (normalized === '') return false;
  return label.en.test(normalized) || label.zh.test(normalized.replace(/\s+/g, ''));
}

/** True when the text, once normalised, is one of the label's EN or ZH forms. */
export function matchesLabel(text: string, label: LabelText): boolean {
  return matchesNormalizedLabel(normalizeLabel(text), label);
}
