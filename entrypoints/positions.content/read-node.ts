/**
 * Realm-safe node checks. `instanceof Document` fails for nodes of another window (an iframe,
 * or a JSDOM instance in tests), so the reader checks nodeType instead.
 */

export function isDocument(node: ParentNode): node is Document {
  return (node as Node).nodeType === 9;
}

export function isElement(node: ParentNode): node is Element {
  return (node as Node).nodeType === 1;
}

/** The owning document of any root the reader is given. */
export function documentOf(root: ParentNode): Document | null {
  return isDocument(root) ? root : (root as Node).ownerDocument;
}
