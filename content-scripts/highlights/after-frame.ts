/**
 * Runs `task` once the next frame has been drawn (a task queued from that frame's animation callback
 * runs after its layout and paint), so that what it measures is already laid out and it never holds
 * that frame back. A hidden tab draws no frames: there it runs after `fallbackMs` (as late as the
 * browser lets a hidden tab's timers run). Answers a cancel.
 */
export function afterNextFrame(task: () => void, fallbackMs = 100): () => void {
  let timer = 0;
  const cancel = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
  const run = () => {
    cancel();
    task();
  };
  const frame = requestAnimationFrame(() => {
    clearTimeout(fallback);
    timer = window.setTimeout(run);
  });
  const fallback = window.setTimeout(run, fallbackMs);
  return cancel;
}
