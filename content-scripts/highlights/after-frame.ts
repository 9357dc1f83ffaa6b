/**
 * Runs `task` once the next frame has been drawn (a task queued from that frame's animation callback
 * runs after its layout and paint), so that what it measures is already laid out and it never holds
 * that frame back. Answers a cancel. A hidden tab draws no frames: the task waits until it is shown.
 */
export function afterNextFrame(task: () => void): () => void {
  let timer = 0;
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(task);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
