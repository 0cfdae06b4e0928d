// Stands in for `resize-observer-polyfill` (see vite.config.ts): the browser's own ResizeObserver.
export default globalThis.ResizeObserver;
