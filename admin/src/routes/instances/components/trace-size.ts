/** The trace diagram's smallest and largest heights; the card keeps the smallest while the diagram loads. */
export const DIAGRAM_MIN_HEIGHT = 180;
export const DIAGRAM_MAX_HEIGHT = 400;
