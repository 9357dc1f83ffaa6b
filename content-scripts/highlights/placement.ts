/** A box in viewport coordinates, as getBoundingClientRect gives it. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP = 8;
const MARGIN = 8;

/**
 * Where a box of `width` × `height` goes beside `anchor` (a passage), in viewport coordinates:
 * below it when it fits inside the viewport there, else above it, else on the side with more room,
 * pushed inside the viewport. It never starts left of, right of, above or below the window's edges
 * unless it is larger than the window.
 */
export function placeBeside(anchor: Box, width: number, height: number, viewport: { width: number; height: number }): { x: number; y: number } {
  const x = Math.max(MARGIN, Math.min(anchor.left, viewport.width - width - MARGIN));
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - height;
  let y: number;
  if (below + height <= viewport.height - MARGIN) y = below;
  else if (above >= MARGIN) y = above;
  else y = viewport.height - anchor.bottom > anchor.top ? below : above;
  y = Math.max(MARGIN, Math.min(y, viewport.height - height - MARGIN));
  return { x, y };
}

/** The viewport as the page's layout sees it (without its scroll bars). */
export function viewport(): { width: number; height: number } {
  return { width: document.documentElement.clientWidth || innerWidth, height: innerHeight };
}
