// The npm registry reachable here has no darwin/win32/arm builds of @msgpackr-extract (an optional native
// speed-up of bullmq's msgpackr), so `npm install` leaves them out of package-lock.json and `npm ci` then
// refuses the lockfile. npm skips optional packages for other platforms without fetching them, so entries
// with version, os and cpu are enough. Run after changing dependencies: `node scripts/lockfile-platform-stubs.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const extract = lock.packages['node_modules/msgpackr-extract'];
const platforms = { 'darwin-arm64': ['darwin', 'arm64'], 'darwin-x64': ['darwin', 'x64'], 'linux-arm': ['linux', 'arm'], 'linux-arm64': ['linux', 'arm64'], 'linux-x64': ['linux', 'x64'], 'win32-x64': ['win32', 'x64'] };
let added = 0;
for (const [name, [os, cpu]] of Object.entries(platforms)) {
  const key = `node_modules/@msgpackr-extract/msgpackr-extract-${name}`;
  if (!extract || lock.packages[key]) continue;
  lock.packages[key] = { version: extract.version, cpu: [cpu], license: 'MIT', optional: true, os: [os] };
  added++;
}
const sorted = {};
for (const key of Object.keys(lock.packages).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1))) sorted[key] = lock.packages[key];
lock.packages = sorted;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entries added`);
