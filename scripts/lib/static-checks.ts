import path from 'node:path';
import { prefixedLogger } from './log.js';
import { run } from './processes.js';

// The `static` suite of `npm test`: the type check of every TypeScript program and ESLint, each one check that
// passes or fails.

export interface StaticCheck {
  name: string;
  args: string[];
}

export interface StaticCheckResult {
  name: string;
  ok: boolean;
  ms: number;
}

/**
 * The TypeScript programs, each with its own lib and types (a unit test keeps this list, `npm run typecheck` and
 * eslint.config.js in step with the tsconfig files in the repository).
 */
export const TYPECHECK_PROJECTS = ['tsconfig.server.json', 'client/tsconfig.json', 'tests/browser/tsconfig.json'];

export function staticChecks(): { typecheck: StaticCheck[]; lint: StaticCheck } {
  return {
    typecheck: TYPECHECK_PROJECTS.map((project) => ({
      name: `typecheck ${project}`,
      // Incremental: a later run re-checks only what changed since (build info in .cache/, never committed).
      args: ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit', '--pretty', 'false', '--incremental', '--tsBuildInfoFile', path.join('.cache', 'typecheck', `${project.replace(/[/\\]/g, '-')}.tsbuildinfo`)],
    })),
    // Warnings fail too: a warning nobody has to fix is noise that hides the next one.
    lint: { name: 'eslint', args: ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', '.'] },
  };
}

async function runCheck(check: StaticCheck): Promise<StaticCheckResult> {
  const started = Date.now();
  const code = await run(check.name.split(' ')[0]!, process.execPath, check.args, { FORCE_COLOR: '0' });
  return { name: check.name, ok: code === 0, ms: Date.now() - started };
}

/**
 * Runs the type checks one after another while ESLint runs beside them (two lanes: the machine has few cores, and
 * ESLint builds its own type information). Every check runs, so one run lists every error.
 */
export async function runStaticChecks(log = prefixedLogger('static')): Promise<StaticCheckResult[]> {
  const { typecheck, lint } = staticChecks();
  const typecheckLane = (async () => {
    const results: StaticCheckResult[] = [];
    for (const check of typecheck) results.push(await runCheck(check));
    return results;
  })();
  const [typeResults, lintResult] = await Promise.all([typecheckLane, runCheck(lint)]);
  const results = [...typeResults, lintResult];
  for (const r of results) log(`${r.ok ? 'ok    ' : 'FAILED'} ${r.name} (${(r.ms / 1000).toFixed(1)} s)`);
  return results;
}
