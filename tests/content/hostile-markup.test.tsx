/**
 * Hostile page text (issue 5.4): position cells holding markup, script, event-handler attributes,
 * javascript: URLs, bidi and zero-width tricks, and a megabyte of text. The reader, the pipeline and
 * the panel must treat all of it as text: no HTML parsing of page text (innerHTML and friends are
 * never called), nothing executed, no element injected, and never a number made from a guess.
 */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTable, readPage, saneRow, viewOf } from './hostile-page';
import { panelFor } from './panel-fixtures';

declare global {
  var __pwned: number | undefined;
}

const PAYLOADS = [
  '<img src=x onerror="globalThis.__pwned=1">',
  '<script>globalThis.__pwned=2</script>',
  '"><svg onload="globalThis.__pwned=3">',
  'javascript:globalThis.__pwned=4',
  '<iframe srcdoc="<script>parent.__pwned=5</script>">',
  '{{constructor.constructor("globalThis.__pwned=6")()}}',
  '\u202eDSUTCB\u202c',
  'BTC\u200bUSDT',
];

/** Count every way page text could be parsed as HTML while our code runs. */
function spyOnHtmlSinks() {
  const calls: string[] = [];
  const restore: (() => void)[] = [];
  for (const [proto, property] of [
    [Element.prototype, 'innerHTML'],
    [Element.prototype, 'outerHTML'],
    [ShadowRoot.prototype, 'innerHTML'],
  ] as const) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, property);
    if (descriptor?.set === undefined) continue;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound with .call below
    const originalSet = descriptor.set;
    Object.defineProperty(proto, property, {
      ...descriptor,
      set(this: Element, value: string) {
        calls.push(`${property}: ${value.slice(0, 60)}`);
        originalSet.call(this, value);
      },
    });
    restore.push(() => {
      Object.defineProperty(proto, property, descriptor);
    });
  }
  const adjacent = vi.spyOn(Element.prototype, 'insertAdjacentHTML');
  const write = vi.spyOn(document, 'write');
  const fragment = vi.spyOn(Range.prototype, 'createContextualFragment');
  return {
    calls: () => [
      ...calls,
      ...adjacent.mock.calls.map((call) => `insertAdjacentHTML: ${call[1]}`),
      ...write.mock.calls.map(() => 'document.write'),
      ...fragment.mock.calls.map(() => 'createContextualFragment'),
    ],
    restore: () => {
      restore.forEach((undo) => {
        undo();
      });
    },
  };
}

function renderView(output: ReturnType<typeof viewOf>) {
  return render(panelFor(output.view));
}

describe('hostile page text', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    globalThis.__pwned = undefined;
  });
  afterEach(() => {
    cleanup();
    globalThis.__pwned = undefined;
  });

  it('reads markup in every cell as text and renders it as text, parsing no HTML', async () => {
    const rows = PAYLOADS.map((payload, index) =>
      saneRow(index, {
        symbol: `${payload}COIN${index}USDT`,
        side: `${payload}${index % 2 === 0 ? 'Long' : 'Short'}`,
        margin: `1,550.00 ${payload}`,
      }),
    );
    document.body.append(buildTable(document, rows));
    const sinks = spyOnHtmlSinks();
    let rendered: ReturnType<typeof renderView>;
    try {
      const result = readPage();
      expect(result.rows.length).toBe(PAYLOADS.length);
      rendered = renderView(viewOf(result));
      // A long list is drawn over a few frames (use-progressive.ts): every row, with the sinks spied.
      const drawn = rendered.container;
      await waitFor(() => {
        expect(drawn.querySelectorAll('[data-testid="liq-row"]')).toHaveLength(PAYLOADS.length);
      });
    } finally {
      sinks.restore();
    }
    expect(sinks.calls()).toEqual([]);
    const panel = rendered.container;
    expect(panel.querySelectorAll('script, iframe, img, object, embed')).toHaveLength(0);
    expect(panel.querySelectorAll('[onerror], [onload], [srcdoc]')).toHaveLength(0);
    expect(panel.querySelectorAll('a[href^="javascript:"]')).toHaveLength(0);
    expect(panel.querySelectorAll('[data-testid="liq-row"]').length).toBe(PAYLOADS.length);
    // Whatever symbol text is shown came through as text: its data attribute and its text agree.
    for (const row of panel.querySelectorAll<HTMLElement>('[data-testid="liq-row"]')) {
      expect(row.textContent).toContain(row.dataset.symbol ?? '\u0000');
    }
    expect(globalThis.__pwned).toBeUndefined();
  });

  it('leaves real script and image elements inside cells inert and reads only their text', () => {
    const table = buildTable(document, [saneRow(0)]);
    const cell = table.tBodies[0]?.rows[0]?.cells[4]; // Entry Price
    const script = document.createElement('script');
    script.textContent = 'globalThis.__pwned = 7';
    const image = document.createElement('img');
    image.setAttribute('onerror', 'globalThis.__pwned = 8');
    cell?.append(script, image);
    document.body.append(table);
    const before = document.body.innerHTML;

    const result = readPage();
    const output = viewOf(result);
    renderView(output);

    expect(globalThis.__pwned).toBeUndefined();
    expect(document.body.innerHTML.startsWith(before)).toBe(true); // the page is untouched
    // The entry price cell now reads "62,000.0globalThis.__pwned = 7": never a guessed number.
    const row = output.view.rows[0];
    expect(row?.state.kind).toBe('problems');
  });

  it('does not hang on a megabyte of text in a cell and shows a problem, not a number', () => {
    const huge = `1${'0'.repeat(1_000_000)}`;
    document.body.append(buildTable(document, [saneRow(0, { margin: huge })]));
    const started = performance.now();
    const output = viewOf(readPage());
    expect(performance.now() - started).toBeLessThan(2000);
    const row = output.view.rows[0];
    expect(row?.state.kind).toBe('problems');
    expect(output.buffers.every((buffer) => buffer.bufferPercent === null)).toBe(true);
  });

  it('reads a tampered page (prototype methods replaced by the page) without breaking it', () => {
    document.body.append(buildTable(document, [saneRow(0), saneRow(1)]));
    // A page that wraps a DOM method for its own purposes must keep working while we read.
    const pageWrapper = vi.spyOn(Element.prototype, 'querySelectorAll');
    const result = readPage();
    expect(result.rows.map((row) => row.key)).toEqual(['COIN0USDT|long', 'COIN1USDT|short']);
    expect(pageWrapper).toHaveBeenCalled(); // the page's wrapper ran during our read
    expect(document.getElementsByTagName('td')).toHaveLength(16);
  });
});
