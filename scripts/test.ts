import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCommand } from './lib/debian.js';
import { prefixedLogger } from './lib/log.js';
import { buildClient, migrate } from './lib/prepare.js';
import { run } from './lib/processes.js';
import { startStack, TEST_PORTS } from './lib/stack.js';
import { runStaticChecks } from './lib/static-checks.js';

/**
 * `npm test`: first the static suite (type check of every program, ESLint), then its own Postgres, Redis, OIDC
 * provider and mail sink (other ports and data dir than `npm start`) and the unit, integration and browser suites;
 * stops everything and exits non-zero on any failure.
 * `npm test -- --suite unit` runs one suite (repeatable); `--grep TEXT` only the tests whose title matches (mocha
 * suites; the static suite always runs whole).
 */
const MOCHA_SUITES = {
  unit: {
    needsStack: false,
    args: ['server/**/*.test.ts', 'workers/**/*.test.ts', 'scripts/**/*.test.ts', 'client/src/**/*.test.ts', '--ignore', '**/*.int.test.ts', '--ignore', '**/*.browser.test.ts'],
  },
  integration: { needsStack: true, args: ['tests/integration/**/*.int.test.ts'] },
  browser: { needsStack: true, args: ['tests/browser/**/*.browser.test.ts'] },
} as const;
const SUITE_NAMES = ['static', ...Object.keys(MOCHA_SUITES)] as const;
type MochaSuite = keyof typeof MOCHA_SUITES;

const log = prefixedLogger('test');
const { values } = parseArgs({ options: { suite: { type: 'string', multiple: true }, grep: { type: 'string' } }, strict: true });
const chosen: readonly string[] = values.suite ?? SUITE_NAMES;
for (const s of chosen) {
  if (!(SUITE_NAMES as readonly string[]).includes(s)) {
    log(`unknown suite "${s}"; choose from ${SUITE_NAMES.join(', ')}`);
    process.exit(2);
  }
}
const runStatic = chosen.includes('static');
const suites = Object.keys(MOCHA_SUITES).filter((s): s is MochaSuite => chosen.includes(s));

// Prerequisites are ensured, never skipped: a missing browser fails the run with what to install.
if (suites.includes('browser')) {
  await ensureCommand('chromium', 'chromium', log, 'Install it with `sudo apt-get install chromium` (the browser tests drive /usr/bin/chromium).');
}

let passed = 0;
let failed = 0;
let pending = 0;
let exitCode = 0;

// First, and before any service starts: a type or lint error fails the run within a minute, with its messages.
if (runStatic) {
  log('— static checks —');
  const started = Date.now();
  const results = await runStaticChecks();
  for (const r of results) {
    if (r.ok) passed += 1;
    else failed += 1;
  }
  if (results.some((r) => !r.ok)) exitCode = 1;
  log(`static checks: ${results.filter((r) => r.ok).length} of ${results.length} passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const dataDir = path.resolve('.test-data');
await rm(dataDir, { recursive: true, force: true });
const needsStack = suites.some((s) => MOCHA_SUITES[s].needsStack);
// Never the caller's DATABASE_URL & co.: the tests truncate tables.
const stack = needsStack ? await startStack({ dataDir, ports: TEST_PORTS, source: { NODE_ENV: 'test' } }) : null;

try {
  if (stack) await migrate(stack.env.DATABASE_URL!, prefixedLogger('migrate'));
  if (suites.includes('browser')) await buildClient();
  for (const suite of suites) {
    log(`— ${suite} tests —`);
    let sawSummary = false;
    const code = await run(
      suite,
      process.execPath,
      ['node_modules/mocha/bin/mocha.js', '--import=tsx', '--exit', '--timeout', '60000', '--reporter', 'spec', '--no-color', ...(values.grep ? ['--grep', values.grep] : []), ...MOCHA_SUITES[suite].args],
      {
        ...(stack?.env ?? {}),
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        TEST_MAIL_WEB_URL: stack?.mailWebUrl ?? '',
        CLIENT_DIST_DIR: path.resolve('client/dist'),
        FORCE_COLOR: '0',
      },
      (line) => {
        // eslint-disable-next-line no-control-regex
        const m = /^\s*(\d+) (passing|failing|pending)\b/.exec(line.replace(/\u001b\[[0-9;]*m/g, ''));
        if (!m) return;
        sawSummary = true;
        const n = Number(m[1]);
        if (m[2] === 'passing') passed += n;
        else if (m[2] === 'failing') failed += n;
        else pending += n;
      },
    );
    if (code !== 0 || !sawSummary) {
      exitCode = 1;
      log(`${suite} suite failed (exit ${code}${sawSummary ? '' : ', no test summary'})`);
      if (!sawSummary) failed += 1;
    }
  }
} catch (err) {
  exitCode = 1;
  failed += 1;
  log(`test run failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
} finally {
  await stack?.stop();
}
if (passed === 0) exitCode = 1;
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}\n`);
process.exit(exitCode);
