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
 * Rows of the first render: the panel's height on a tall screen. The first render is the costliest
 * per row (the mount, code not yet optimised: ≈ 3 ms a row in a profiled bench run).
 */
export const PROGRESSIVE_FIRST = 16;
/** Rows added per following frame, ≈ 10 ms of rendering. */
export const PROGRESSIVE_STEP = 24;

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
