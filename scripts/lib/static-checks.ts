import path from 'node:path';
import ts from 'typescript';
import { prefixedLogger } from './log.js';
import { run } from './processes.js';

/**
 * The `static` suite of `npm test`: the type check of every TypeScript program and ESLint, each one check that
 * passes or fails. The programs are the ones the root tsconfig.json references (the list editors use too), so a new
 * program is checked as soon as it is referenced there.
 */
export interface StaticCheck {
  name: string;
  args: string[];
}

export interface StaticCheckResult {
  name: string;
  ok: boolean;
  ms: number;
}

/** The tsconfig files the root tsconfig.json references, relative to the repository root. */
export function typecheckProjects(root = process.cwd()): string[] {
  const file = path.join(root, 'tsconfig.json');
  const read = ts.readConfigFile(file, (p) => ts.sys.readFile(p));
  if (read.error) throw new Error(`cannot read ${file}: ${ts.flattenDiagnosticMessageText(read.error.messageText, '\n')}`);
  const references = (read.config as { references?: Array<{ path: string }> }).references ?? [];
  if (references.length === 0) throw new Error(`${file} references no programs to check`);
  return references.map((r) => {
    const target = path.join(root, r.path);
    return path.relative(root, target.endsWith('.json') ? target : path.join(target, 'tsconfig.json'));
  });
}

export function staticChecks(root = process.cwd()): { typecheck: StaticCheck[]; lint: StaticCheck } {
  return {
    typecheck: typecheckProjects(root).map((project) => ({
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
