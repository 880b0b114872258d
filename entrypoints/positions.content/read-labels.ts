/**
 * Label elements under a scope (column headers of div grids, card labels), found in one walk over
 * text nodes. Labels are short and carry no digits (`Entry Price`, `大小(ETH)`, `PNL (ROI %)`),
 * while most text on a trading page is numbers, so digit-bearing and long texts are skipped before
 * any normalisation: this keeps a read cheap on pages with thousands of order-book cells.
 */
import type { LabelText, PositionField } from './adapters/types';
import { matchesNormalizedLabel, normalizeLabel } from './read-header';
import { isOwnElement, readText } from './read-text';

/** Longer texts are values or sentences, not labels. */
const MAX_LABEL_LENGTH = 40;
const SKIPPED_TAGS = new Set(['svg', 'script', 'style', 'template', 'noscript']);

/** Inside a subtree that never holds visible labels: ours, hidden, icons and scripts. */
function isInSkippedSubtree(element: Element, scope: Element): boolean {
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    if (
      SKIPPED_TAGS.has(node.localName) ||
      isOwnElement(node) ||
      node.getAttribute('aria-hidden') === 'true' ||
      node.hasAttribute('hidden')
    ) {
      return true;
    }
    if (node === scope) return false;
  }
  return false;
}

/**
 * @param labels - field labels to recognise, in priority order (adapter labels, then generic).
 * @returns each label element with the field its text names.
 */
export function findLabelElements(
  scope: Element,
  labels: readonly (readonly [PositionField, LabelText])[],
): Map<Element, PositionField> {
  const found = new Map<Element, PositionField>();
  const fieldByText = new Map<string, PositionField | null>();
  // Text nodes only and no filter callback: the walk stays native; checks run on candidates only.
  const walker = scope.ownerDocument.createTreeWalker(scope, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    // nodeValue is never null for text nodes (typed nullable).
    const text = (node.nodeValue ?? '').trim();
    if (text === '' || text.length > MAX_LABEL_LENGTH || /\d/.test(text)) continue;
    const parent = node.parentElement;
    if (parent === null || found.has(parent)) continue; // null: detached text node
    const label = readText(parent);
    let field = fieldByText.get(label);
    if (field === undefined) {
      const normalized = normalizeLabel(label);
      field =
        labels.find(([, candidate]) => matchesNormalizedLabel(normalized, candidate))?.[0] ?? null;
      fieldByText.set(label, field); // null: this text names no field
    }
    if (field !== null && !isInSkippedSubtree(parent, scope)) found.set(parent, field);
  }
  return found;
}
