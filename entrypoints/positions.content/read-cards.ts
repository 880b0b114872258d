/**
 * Card-shaped position lists: each position is a box of label → value pairs instead of a table row.
 * Gate switches to this layout in narrow panels, with `span.underline-dashed` labels such as
 * `开仓均价` and `数量` followed by their values (exchange-pages.md §5, [C]). Nothing here depends on
 * Gate's classes: labels are recognised by their text.
 */
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

/** Leaf elements with text inside one card, for the side / leverage / mode scans. */
function textLeaves(card: Element): Element[] {
  return Array.from(card.querySelectorAll('*')).filter(
    (element) =>
      element.children.length === 0 &&
      readText(element) !== '' &&
      element.closest('[aria-hidden="true"]') === null &&
      !isInsideOwnElement(element),
  );
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
export function findCards(scope: Element, labelLeaves: Map<Element, string>): Card[] {
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
    const cardLeaves = textLeaves(card);
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
