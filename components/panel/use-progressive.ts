/**
 * How many of a list's items to draw now, so a long list is drawn over a few animation frames
 * rather than in one long task (design.md §6: no long task > 50 ms from us; 100 rows in one
 * render took 35–47 ms in Chromium on the bench machine, tests/bench/long-tasks.ts).
 * A render draws `first` items when none were drawn, then at most `step` more than the one before,
 * and a frame is requested only while some are left: once all are drawn, nothing is scheduled
 * (zero work while idle).
 */
import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Rows of the first render: about half the panel's visible height (rows are ≈ 96 px). The first
 * frames of the panel are the costliest of its life (cold code, the first style and layout of every
 * row, twice in a frame where content-visibility decides which rows are on screen). At 16 rows, then
 * 24 a frame, the first one took ≈ 25–30 ms of CPU in the page bench; at 8 and 8, 13–22 ms, and
 * with the page and the service worker starting on the same 2 cores that was over 50 ms of wall
 * time in about one load in two at 20 positions; at 4 and 4, 10–17 ms and one load in eight
 * (tests/bench/start-tasks.ts).
 */
export const PROGRESSIVE_FIRST = 4;
/** Rows added per following frame. */
export const PROGRESSIVE_STEP = 4;

/**
 * @param total the number of items in the list now
 * @returns how many of the first items to draw in this render
 */
export function useProgressiveCount(total: number): number {
  const drawn = useRef(0);
  const [, setFrames] = useState(0);
  const count = Math.min(
    total,
    drawn.current === 0 ? PROGRESSIVE_FIRST : drawn.current + PROGRESSIVE_STEP,
  );
  drawn.current = count;
  useEffect(() => {
    if (count >= total) return;
    const frame = requestAnimationFrame(() => {
      setFrames((frames) => frames + 1);
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [count, total]);
  return count;
}
