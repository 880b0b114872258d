/**
 * Reading visible text from page elements, one element at a time.
 *
 * `textContent` glues neighbouring cells and badges together (Binance `12BTCUSDT`, Hyperliquid
 * `ETH20x`; exchange-pages.md §10.8), so text nodes are joined with a space, except between two
 * digit runs (a price split into spans for tick highlighting, `71,704` + `.6`, stays one number).
 */

/** Our own injected DOM: every host element's tag starts with `liq-sentinel`. */
export function isOwnElement(element: Element): boolean {
  return element.tagName.toLowerCase().startsWith('liq-sentinel');
}

/** True when the element or an ancestor is ours; such nodes are never read as page data. */
export function isInsideOwnElement(element: Element): boolean {
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    if (isOwnElement(node)) return true;
  }
  return false;
}

/** Subtrees that carry no visible data text: icons, scripts, accessibility-hidden copies. */
function isSkippedSubtree(element: Element): boolean {
  const tag = element.tagName.toLowerCase();
  return (
    isOwnElement(element) ||
    tag === 'svg' ||
    tag === 'script' ||
    tag === 'style' ||
    tag === 'template' ||
    element.getAttribute('aria-hidden') === 'true' ||
    element.hasAttribute('hidden')
  );
}

const ENDS_IN_DIGIT_RUN = /[\d.,]$/;
const STARTS_WITH_DIGIT_RUN = /^[\d.,]/;

function collectText(node: Node, parts: string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      // Text node: nodeValue is always a string for text nodes.
      const text = (child.nodeValue ?? '').replace(/\s+/g, ' ').trim();
      if (text !== '') parts.push(text);
    } else if (child.nodeType === 1 && !isSkippedSubtree(child as Element)) {
      collectText(child, parts);
    }
  }
}

/** The element's visible text, trimmed, one space between separate text runs. */
export function readText(element: Element): string {
  const parts: string[] = [];
  collectText(element, parts);
  let text = '';
  for (const part of parts) {
    if (text === '') text = part;
    else if (ENDS_IN_DIGIT_RUN.test(text) && STARTS_WITH_DIGIT_RUN.test(part)) text += part;
    else text += ` ${part}`;
  }
  return text;
}

/** The separate text runs of an element, for token scans (side badges, `20x`, `(Cross)`). */
export function readTextRuns(element: Element): string[] {
  const parts: string[] = [];
  collectText(element, parts);
  return parts;
}
