/**
 * The smallest zoom at which the graph's smallest text (12 px: ids, regions, label lines) is still 11 px on screen.
 * The first view never goes below it: a graph wider than the canvas is shown from its left end (where the data
 * starts) at this zoom, and the user pans, rather than shrinking every word until nobody can read it.
 */
export const MIN_READABLE_ZOOM = 11 / 12;
export const VIEW_PADDING = 16;
export const MIN_CANVAS_HEIGHT = 360;
export const MAX_CANVAS_HEIGHT = 720;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The zoom that shows the whole width, kept between readable and 1:1. */
export function readableZoom(bounds: { width: number; height: number }, canvasWidth: number): number {
  if (bounds.width <= 0 || canvasWidth <= 0) return 1;
  return Math.min(1, Math.max(MIN_READABLE_ZOOM, (canvasWidth - 2 * VIEW_PADDING) / bounds.width));
}

/** The canvas height that shows the whole graph at its readable zoom, between bounds. */
export function canvasHeightFor(bounds: { width: number; height: number }, canvasWidth: number): number {
  if (bounds.width <= 0 || canvasWidth <= 0) return MIN_CANVAS_HEIGHT;
  const zoom = readableZoom(bounds, canvasWidth);
  return Math.round(Math.min(MAX_CANVAS_HEIGHT, Math.max(MIN_CANVAS_HEIGHT, bounds.height * zoom + 2 * VIEW_PADDING)));
}

/**
 * The first view of a graph: centred when it fits across, else from its left end; from its top when it is taller
 * than the canvas. With `focus` (what a search found), centred on that box, as close as 1:1 and never below readable.
 */
export function initialViewport(
  bounds: { width: number; height: number },
  canvas: { width: number; height: number },
  focus: { x: number; y: number; width: number; height: number } | null = null,
): Viewport {
  if (focus && canvas.width > 0 && canvas.height > 0) {
    const fit = Math.min((canvas.width - 2 * VIEW_PADDING) / focus.width, (canvas.height - 2 * VIEW_PADDING) / focus.height);
    const z = Math.min(1, Math.max(MIN_READABLE_ZOOM, fit));
    return { x: canvas.width / 2 - (focus.x + focus.width / 2) * z, y: canvas.height / 2 - (focus.y + focus.height / 2) * z, zoom: z };
  }
  const zoom = readableZoom(bounds, canvas.width);
  const width = bounds.width * zoom;
  const height = bounds.height * zoom;
  const x = width + 2 * VIEW_PADDING <= canvas.width ? (canvas.width - width) / 2 : VIEW_PADDING;
  const y = height + 2 * VIEW_PADDING <= canvas.height ? (canvas.height - height) / 2 : VIEW_PADDING;
  return { x, y, zoom };
}
