import type { WatchContext } from '../../entrypoints/positions.content/watch';

/** A stand-in for WXT's ContentScriptContext: real listeners, an invalidate() to end it. */
export function fakeContext(): WatchContext & { invalidate(): void } {
  const controller = new AbortController();
  return {
    get isValid() {
      return !controller.signal.aborted;
    },
    onInvalidated(callback) {
      controller.signal.addEventListener('abort', callback);
      return () => {
        controller.signal.removeEventListener('abort', callback);
      };
    },
    addEventListener(target, type, handler, options) {
      target.addEventListener(type, handler, { ...options, signal: controller.signal });
    },
    invalidate() {
      controller.abort();
    },
  };
}
