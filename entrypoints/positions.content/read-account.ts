/**
 * Account-level figures shown outside the positions area (wallet balance for cross positions).
 * Labels are matched on text nodes with a TreeWalker: cheaper than visiting every element of a
 * trading page, and the label is usually a short text of its own.
 */
import type { LabelText, Locator } from './adapters/types';
import { matchesLabel } from './read-header';
import { documentOf } from './read-node';
import { selectorOf } from './read-row';
import { isInsideOwnElement, readText } from './read-text';

/** Labels longer than this are sentences, not labels. */
const MAX_LABEL_LENGTH = 40;

/** The value beside a label element: its next sibling, else its parent's next sibling. */
function valueBeside(label: Element): string | null {
  for (let node: Element | null = label, depth = 0; node !== null && depth < 3; depth += 1) {
    const next = node.nextElementSibling;
    if (next !== null) {
      const text = readText(next);
      if (text !== '') return text;
    }
    node = node.parentElement;
  }
  return null;
}

/**
 * The label element found last time, per label: account panels rarely move, so later reads check
 * it first instead of walking every text node of the page again (the content-script budget).
 */
const lastLabelElement = new WeakMap<LabelText, Element>();

function byLabel(root: ParentNode, label: LabelText, exclude: Element | null): string | null {
  const remembered = lastLabelElement.get(label);
  if (
    remembered?.isConnected === true && // absent on the first read
    (root as Node).contains(remembered) &&
    matchesLabel(readText(remembered), label)
  ) {
    const value = valueBeside(remembered);
    if (value !== null) return value;
  }
  const found = walkForLabel(root, label, exclude);
  if (found === null) return null;
  lastLabelElement.set(label, found.element);
  return found.value;
}

function walkForLabel(
  root: ParentNode,
  label: LabelText,
  exclude: Element | null,
): { readonly element: Element; readonly value: string } | null {
  const document = documentOf(root);
  // documentOf is null only for a detached root without an owner: nothing to walk.
  if (document === null) return null;
  const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node.nodeValue ?? ''; // text nodes always carry a value; typed nullable
    // Labels are short and digit-free; skipping values first keeps the walk cheap.
    if (text.length > MAX_LABEL_LENGTH || text.trim() === '' || /\d/.test(text)) continue;
    if (exclude?.contains(node) === true) {
      // exclude is null when no area was found. Its labels are column headers, not account
      // labels: the walk jumps past its last node at once.
      let last: Node = exclude;
      while (last.lastChild !== null) last = last.lastChild;
      walker.currentNode = last;
      continue;
    }
    const parent = node.parentElement;
    if (parent === null || !matchesLabel(text, label) || isInsideOwnElement(parent)) continue;
    const value = valueBeside(parent);
    if (value !== null) return { element: parent, value };
  }
  return null;
}

/**
 * The first locator's value, or undefined when none is found.
 *
 * @param exclude - the positions area: its column headers are not account labels.
 */
export function readAccountValue(
  root: ParentNode,
  locators: readonly Locator[],
  exclude: Element | null,
): string | undefined {
  for (const locator of locators) {
    if ('label' in locator) {
      const value = byLabel(root, locator.label, exclude);
      if (value !== null) return value;
    } else if (!('scan' in locator)) {
      const element = root.querySelector(selectorOf(locator));
      if (element !== null && !isInsideOwnElement(element)) {
        const text = readText(element);
        if (text !== '') return text;
      }
    }
  }
  return undefined;
}
