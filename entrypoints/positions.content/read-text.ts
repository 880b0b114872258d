/**
 * Reading visible text from page elements, one element at a time.
 *
 * `textContent` glues neighbouring cells and badges together (Binance `12BTCUSDT`, Hyperliquid
 * `ETH20x`; exchange-pages.md §10.8), so text nodes are joined with a space, except between two
 * digit runs (a price split into spans for tick highlighting, `71,704` + `.6`, stays one number).
 */

/** Our own injected DOM: every host element's tag starts with `liq-sentinel`. */
export function isOwnElement(element: Element): boolean {
  return element.localName.startsWith('liq-sentinel');
}

/** True when the element or an ancestor is ours; such nodes are never read as page data. */
export function isInsideOwnElement(element: Element): boolean {
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    if (isOwnElement(node)) return true;
  }
  return false;
}

/** Subtrees that carry no visible data text: icons, scripts, accessibility-hidden copies. */
const SKIPPED_TAGS = new Set(['svg', 'script', 'style', 'template', 'noscript']);

function isSkippedSubtree(element: Element): boolean {
  const tag = element.localName;
  return (
    SKIPPED_TAGS.has(tag) ||
    tag.startsWith('liq-sentinel') ||
    element.getAttribute('aria-hidden') === 'true' ||
    element.hasAttribute('hidden')
  );
}

const ENDS_IN_DIGIT_RUN = /[\d.,]$/;
const STARTS_WITH_DIGIT_RUN = /^[\d.,]/;

/** A text node's text, trimmed, whitespace runs as one space (tested first: most have none). */
export function cleanText(node: Node): string {
  const text = (node.nodeValue ?? '').trim(); // never null for a text node (typed nullable)
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

function collectText(node: Node, parts: string[]): void {
  // Sibling links instead of `childNodes`: a live NodeList is slow to materialise on big pages.
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const text = cleanText(child);
      if (text !== '') parts.push(text);
    } else if (child.nodeType === 1 && !isSkippedSubtree(child as Element)) {
      collectText(child, parts);
    }
  }
}

/**
 * Every text node whose text readText joins, in order, empty ones included (their text may come).
 * Which nodes count changes only with the element's nodes or attributes; until then a re-read
 * can clean just the nodes whose text changed and join (read-incremental.ts).
 */
export function textNodesOf(element: Element): Node[] {
  const nodes: Node[] = [];
  collectTextNodes(element, nodes);
  return nodes;
}

function collectTextNodes(node: Node, nodes: Node[]): void {
  // The same walk as collectText: keep them in step.
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === 3) nodes.push(child);
    else if (child.nodeType === 1 && !isSkippedSubtree(child as Element)) {
      collectTextNodes(child, nodes);
    }
  }
}

/** Text runs (cleaned) joined as readText joins them: empty runs are left out. */
export function joinTextRuns(parts: readonly string[]): string {
  let text = '';
  for (const part of parts) {
    if (part === '') continue;
    if (text === '') text = part;
    else if (ENDS_IN_DIGIT_RUN.test(text) && STARTS_WITH_DIGIT_RUN.test(part)) text += part;
    else text += ` ${part}`;
  }
  return text;
}

/**
 * Texts already read during the current pass. A read visits each cell several times (row
 * signature, field lookup, side / leverage / mode scans); the page cannot change within one
 * synchronous pass, so the cache lives exactly as long as `withTextCache`'s callback.
 */
let textCache: WeakMap<Element, string> | null = null;

/** Runs `read` with a text cache; nested calls share the outer cache. */
export function withTextCache<T>(read: () => T): T {
  if (textCache !== null) return read();
  textCache = new WeakMap();
  try {
    return read();
  } finally {
    textCache = null;
  }
}

/** The element's visible text, trimmed, one space between separate text runs. */
export function readText(element: Element): string {
  const cached = textCache?.get(element); // no cache outside a read pass
  if (cached !== undefined) return cached;
  const text = readTextUncached(element);
  textCache?.set(element, text); // only cached inside a read pass
  return text;
}

function readTextUncached(element: Element): string {
  const only = element.firstChild;
  // A single text node, as most cells hold: nothing to join.
  if (only !== null && only.nextSibling === null && only.nodeType === 3) return cleanText(only);
  const parts: string[] = [];
  collectText(element, parts);
  return joinTextRuns(parts);
}

/** The separate text runs of an element, for token scans (side badges, `20x`, `(Cross)`). */
export function readTextRuns(element: Element): string[] {
  const parts: string[] = [];
  collectText(element, parts);
  return parts;
}
