/** The Chromium the browser tests run in (chromium-path.mjs). */
export declare const CHROMIUM_PATH: string;
