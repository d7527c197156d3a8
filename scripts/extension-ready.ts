// Printed by `npm start` after the build: where the unpacked extensions are and how to load them.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const chrome = resolve('.output/chrome-mv3');
const firefox = resolve('.output/firefox-mv3');
const lines = ['', 'ICC Clipper extension built:'];
if (existsSync(chrome)) {
  lines.push(
    `  Chrome, Edge, Chromium: ${chrome}`,
    '    open chrome://extensions, switch on "Developer mode", click "Load unpacked" and choose that folder.',
  );
}
if (existsSync(firefox)) {
  lines.push(
    `  Firefox: ${firefox}`,
    '    open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…" and choose its manifest.json.',
  );
}
if (lines.length === 2) lines.push('  (no build found: run `npm run build`)');
console.log(`${lines.join('\n')}\n`);
