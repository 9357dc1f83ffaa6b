/** Code-unit order, never the locale's: files and lists must not depend on the machine. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byId(a: { id: string }, b: { id: string }): number {
  return compareCodeUnits(a.id, b.id);
}

interface Placeable {
  id: string;
  articleId: string;
  position: { start: number; end: number };
  created: string;
}

/** Highlights in the order their words stand in the article text (then the earlier one first). */
export function inTextOrder(a: Placeable, b: Placeable): number {
  return a.position.start - b.position.start || a.position.end - b.position.end || compareCodeUnits(a.created, b.created);
}

/** By article, then where the highlight stands in its text, then id: the order of every export. */
export function annotationOrder(a: Placeable, b: Placeable): number {
  return compareCodeUnits(a.articleId, b.articleId) || inTextOrder(a, b) || compareCodeUnits(a.id, b.id);
}
