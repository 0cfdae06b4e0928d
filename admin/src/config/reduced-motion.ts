/**
 * The reader's "reduce motion" setting (WCAG 2.3.3): fades, slides, chart growth and canvas glides are
 * left out when the system asks for less movement. Read once at load; a change applies on the next visit.
 */
export const reducedMotion: boolean =
  typeof window !== 'undefined' &&
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;
