/**
 * Dragging the panel by its header with pointer events (mouse, pen and touch alike).
 * Coordinates are CSS pixels of the viewport: screen geometry, not money, so plain numbers are right.
 */
import { useRef, useState } from 'preact/hooks';

export interface PanelPoint {
  readonly x: number;
  readonly y: number;
}

/** Keep at least this much of the panel on screen so it can always be grabbed back. */
const GRAB_MARGIN_PX = 48;

/** Clamp a top-left corner so the header stays reachable inside a viewport of the given size. */
export function clampToViewport(
  point: PanelPoint,
  panelWidth: number,
  viewportWidth: number,
  viewportHeight: number,
): PanelPoint {
  const maxX = Math.max(0, viewportWidth - Math.min(panelWidth, GRAB_MARGIN_PX * 2));
  const maxY = Math.max(0, viewportHeight - GRAB_MARGIN_PX);
  return {
    x: Math.min(Math.max(point.x, 0), maxX),
    y: Math.min(Math.max(point.y, 0), maxY),
  };
}

interface DragState {
  readonly pointerId: number;
  readonly offsetX: number;
  readonly offsetY: number;
  readonly width: number;
}

export interface DragHandlers {
  /** The current position while dragging or after a drag; null = the default corner. */
  readonly point: PanelPoint | null;
  readonly dragging: boolean;
  readonly onPointerDown: (event: PointerEvent) => void;
  readonly onPointerMove: (event: PointerEvent) => void;
  readonly onPointerUp: (event: PointerEvent) => void;
}

/**
 * @param initial the remembered position (null: default corner)
 * @param onDrop called once per drag with the final position, to be remembered per site
 */
export function useDrag(
  initial: PanelPoint | null,
  onDrop: (point: PanelPoint) => void,
): DragHandlers {
  const [point, setPoint] = useState<PanelPoint | null>(initial);
  const drag = useRef<DragState | null>(null);

  const onPointerDown = (event: PointerEvent) => {
    // Buttons inside the header (collapse) keep their click; only the bare header drags.
    if (event.button !== 0 || (event.target as Element).closest('button') !== null) return;
    const header = event.currentTarget as HTMLElement;
    const panel = header.closest('.panel');
    if (panel === null) return;
    const rect = panel.getBoundingClientRect();
    drag.current = {
      pointerId: event.pointerId,
      offsetX: event.clientX - rect.left,
      offsetY: event.clientY - rect.top,
      width: rect.width,
    };
    header.setPointerCapture(event.pointerId);
    event.preventDefault();
  };

  const onPointerMove = (event: PointerEvent) => {
    const state = drag.current;
    if (state?.pointerId !== event.pointerId) return;
    setPoint(
      clampToViewport(
        { x: event.clientX - state.offsetX, y: event.clientY - state.offsetY },
        state.width,
        window.innerWidth,
        window.innerHeight,
      ),
    );
  };

  const onPointerUp = (event: PointerEvent) => {
    const state = drag.current;
    if (state?.pointerId !== event.pointerId) return;
    drag.current = null;
    const finalPoint = clampToViewport(
      { x: event.clientX - state.offsetX, y: event.clientY - state.offsetY },
      state.width,
      window.innerWidth,
      window.innerHeight,
    );
    setPoint(finalPoint);
    onDrop(finalPoint);
  };

  return { point, dragging: drag.current !== null, onPointerDown, onPointerMove, onPointerUp };
}
