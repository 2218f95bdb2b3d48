import { stat } from 'node:fs';

/**
 * Calls `onGone` once `path` no longer exists. A pulled USB-serial adapter removes its
 * /dev node (and socat its link); a read on the open port usually fails too, but not on
 * every driver, so this is the second, certain sign. Returns the function that stops it.
 */
export function watchDeviceGone(path: string, onGone: () => void, everyMs = 1000): () => void {
  const timer = setInterval(() => {
    stat(path, (error) => {
      if (error?.code === 'ENOENT') {
        clearInterval(timer);
        onGone();
      }
    });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
