import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import ts from 'typescript';
import { TYPECHECK_PROJECTS } from './static-checks.js';

/** Type-checks one probe file as if it were at `probePath`, under the options of `project`; returns the error codes. */
function probe(project: string, probePath: string, source: string): number[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.resolve(project), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error(`cannot parse ${project}`);
  const file = path.resolve(probePath);
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, ...rest) =>
    path.resolve(name) === file ? ts.createSourceFile(name, source, languageVersion) : getSourceFile(name, languageVersion, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram({ rootNames: [file], options: { ...parsed.options, noEmit: true }, host });
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => d.code);
}

describe('type-check programs', () => {
  it('are every tsconfig in the repository but the shared, build and tsx ones; `npm run typecheck` and ESLint use each', () => {
    const skip = new Set(['node_modules', 'dist', '.git', '.cache', '.data', '.test-data', '.bench-data', '.scratch']);
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && !skip.has(entry.name)) walk(path.join(dir, entry.name));
        else if (entry.isFile() && /^tsconfig.*\.json$/.test(entry.name)) found.push(path.posix.join(...path.join(dir, entry.name).split(path.sep)));
      }
    };
    walk('.');
    const notPrograms = ['tsconfig.json', 'tsconfig.base.json', 'tsconfig.build.json'];
    expect(found.filter((f) => !notPrograms.includes(f)).sort()).to.deep.equal([...TYPECHECK_PROJECTS].sort());
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    const eslintConfig = readFileSync('eslint.config.js', 'utf8');
    for (const project of TYPECHECK_PROJECTS) {
      expect(pkg.scripts.typecheck, project).to.include(`tsc -p ${project}`);
      expect(eslintConfig, project).to.include(`'./${project}'`);
    }
  });

  it('compile server code without the DOM library: `document` is a type error there', function () {
    this.timeout(30_000);
    const codes = probe('tsconfig.server.json', 'server/dom-probe.ts', 'export const title: string = document.title;\n');
    // 2584: "Cannot find name 'document'. Do you need to change your target library?"
    expect(codes).to.include(2584);
    expect(probe('tsconfig.server.json', 'server/dom-probe.ts', 'export const cwd: string = process.cwd();\n')).to.deep.equal([]);
  });

  it('compile the client with the DOM library', function () {
    this.timeout(30_000);
    expect(probe(path.join('client', 'tsconfig.json'), 'client/src/dom-probe.ts', 'export const title: string = document.title;\n')).to.deep.equal([]);
  });
});
