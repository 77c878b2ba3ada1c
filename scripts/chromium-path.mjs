// The Chromium the browser tests run in: Debian's chromium-headless-shell (STACK.md), unless
// CHROMIUM_PATH names another. Read by playwright.config.ts, vite.config.ts (Vitest's browser
// mode) and check-chromium.mjs, which says how to install it when it is missing.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';
