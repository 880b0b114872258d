/**
 * Card-shaped position lists: each position is a box of label → value pairs instead of a table row.
 * Gate switches to this layout in narrow panels, with `span.underline-dashed` labels such as
 * `开仓均价` and `数量` followed by their values (exchange-pages.md §5, [C]). Nothing here depends on
 * Gate's classes: labels are recognised by their text.
 */
import type { LabelText } from './adapters/types';
import { matchesNormalizedLabel, normalizeLabel } from './read-header';
import { isInsideOwnElement, readText } from './read-text';

export interface LabelledValue {
  readonly label: string;
  readonly value: string;
  readonly element: Element;
}

export interface Card {
  readonly element: Element;
  /** Every leaf element with text, for token scans (side badge, `20x`). */
  readonly leaves: readonly Element[];
  readonly pairs: readonly LabelledValue[];
}

/** A card needs labels of at least this many different fields, so stray labels don't make cards. */
const MIN_FIELDS_PER_CARD = 3;
/** How far a card may grow beyond its labelled box to take in its header. */
const MAX_CARD_WIDENING = 2;
/** Label texts are short; longer leaves are values or sentences. */
const MAX_LABEL_LENGTH = 40;

function isVisibleLeaf(element: Element): boolean {
  return (
    element.children.length === 0 &&
    element.closest('[aria-hidden="true"]') === null &&
    !isInsideOwnElement(element)
  );
}

/** Leaf elements with text under `scope`, found through text nodes (cheaper than every element). */
function textLeaves(scope: Element): Element[] {
  const document = scope.ownerDocument;
  const walker = document.createTreeWalker(scope, 4 /* NodeFilter.SHOW_TEXT */);
  const leaves: Element[] = [];
  let previous: Element | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    // nodeValue is never null for text nodes (typed nullable); a node without parent is detached.
    if (parent === null || parent === previous || (node.nodeValue ?? '').trim() === '') continue;
    previous = parent;
    if (isVisibleLeaf(parent)) leaves.push(parent);
  }
  return leaves;
}

/** The value shown after a label: its next sibling element, else the next sibling of its parent. */
function valueAfter(label: Element): Element | null {
  for (let node: Element | null = label; node !== null; node = node.parentElement) {
    const next = node.nextElementSibling;
    if (next !== null && readText(next) !== '') return next;
    // Stop at a parent holding other content besides the label: the value is not further out.
    if (node.parentElement !== null && node.parentElement.children.length > 1) return null;
  }
  return null;
}

/**
 * Finds cards under `scope`: the smallest ancestors of label leaves that hold labels of at least
 * three different fields.
 *
 * @param labels - field label texts to recognise (adapter labels first, then generic synonyms).
 */
export function findCards(
  scope: Element,
  labels: readonly (readonly [string, LabelText])[],
): Card[] {
  const leaves = textLeaves(scope);
  const labelLeaves = new Map<Element, string>();
  for (const leaf of leaves) {
    const text = readText(leaf);
    // Labels are short; values and sentences are not worth normalising.
    if (text.length > MAX_LABEL_LENGTH) continue;
    const normalized = normalizeLabel(text);
    const hit = labels.find(([, label]) => matchesNormalizedLabel(normalized, label));
    if (hit !== undefined) labelLeaves.set(leaf, hit[0]);
  }
  if (new Set(labelLeaves.values()).size < MIN_FIELDS_PER_CARD) return [];
  const cards = new Map<Element, Element[]>();
  for (const leaf of labelLeaves.keys()) {
    for (
      let node = leaf.parentElement;
      node !== null && scope.contains(node);
      node = node.parentElement
    ) {
      const fields = new Set<string>();
      for (const [other, field] of labelLeaves) if (node.contains(other)) fields.add(field);
      if (fields.size >= MIN_FIELDS_PER_CARD) {
        cards.set(node, []);
        break;
      }
    }
  }
  // Keep the innermost cards only (a list holding several cards is not a card itself).
  const innermost = Array.from(cards.keys()).filter(
    (card) => !Array.from(cards.keys()).some((other) => other !== card && card.contains(other)),
  );
  // The labelled box may be the card's body only, with symbol and badges in a header beside it:
  // widen each card while its parent holds no other card (a few levels, never the whole scope).
  const roots = innermost.map((card) => {
    let root = card;
    for (let level = 0; level < MAX_CARD_WIDENING; level += 1) {
      const parent = root.parentElement;
      if (parent === null || parent === scope || !scope.contains(parent)) break;
      if (innermost.some((other) => other !== card && parent.contains(other))) break;
      root = parent;
    }
    return root;
  });
  return roots.map((card) => {
    const cardLeaves = leaves.filter((leaf) => card.contains(leaf));
    const pairs: LabelledValue[] = [];
    for (const leaf of cardLeaves) {
      if (!labelLeaves.has(leaf)) continue;
      const value = valueAfter(leaf);
      if (value !== null)
        pairs.push({ label: readText(leaf), value: readText(value), element: value });
    }
    return { element: card, leaves: cardLeaves, pairs };
  });
}
