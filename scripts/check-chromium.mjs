// Fails early, with the fix, when the browser tests have no browser to run in.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `Chromium was not found at ${path}; the browser tests need Debian's chromium.\n` +
      'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      '(or point CHROMIUM_PATH at a Chromium binary).',
  );
  process.exit(1);
}
