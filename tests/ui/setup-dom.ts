/** jsdom shims for Fluent UI v9 (STACK.md "Fluent v9 in jsdom"); Chromium needs none of them. */

// Fluent's focus manager (tabster) treats elements without an offsetParent as hidden and then
// aria-hides open Dialogs and Drawers ~100 ms after they open. jsdom does no layout.
Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement) {
    return this.parentNode;
  },
});

// ...and it judges the page itself visible by the body's size, which jsdom reports as 0×0.
document.body.getBoundingClientRect = () => new DOMRect(0, 0, 1280, 800);

if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  });
}

if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
