import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

/**
 * The modules a process loads at run time, found from its entry point by reading the source: static imports and
 * re-exports, `import('…')` and `require('…')` / `createRequire(…).resolve('…')` with a literal. `import type` and
 * `export type` are left out (erased by the compiler); a value import used only as a type still counts, which errs on
 * the safe side.
 */
export interface ImportGraph {
  /** Source files reached, relative to the root. */
  files: string[];
  /** Package name → the files (relative) that load it. Node's built-in modules are not listed. */
  packages: Map<string, string[]>;
  /** Files (relative) with an `import(…)` or `require(…)` of a computed name, which a reader cannot follow. */
  computed: string[];
}

const BUILTINS = new Set(builtinModules);

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function runtimeSpecifiers(file: string): { specifiers: string[]; computed: boolean } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  let computed = false;
  const literal = (node: ts.Node | undefined): string | null => (node && ts.isStringLiteralLike(node) ? node.text : null);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      if (!node.importClause?.isTypeOnly) {
        const bindings = node.importClause?.namedBindings;
        const onlyTypes =
          !node.importClause?.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
        const spec = literal(node.moduleSpecifier);
        if (spec && !onlyTypes) found.push(spec);
      }
    } else if (ts.isExportDeclaration(node)) {
      const spec = literal(node.moduleSpecifier);
      if (spec && !node.isTypeOnly) found.push(spec);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isResolve =
        ts.isPropertyAccessExpression(callee) &&
        callee.name.text === 'resolve' &&
        ((ts.isIdentifier(callee.expression) && callee.expression.text === 'require') ||
          (ts.isCallExpression(callee.expression) && ts.isIdentifier(callee.expression.expression) && callee.expression.expression.text === 'createRequire'));
      const spec = literal(node.arguments[0]);
      if ((isDynamicImport || isRequire || isResolve) && spec) found.push(spec);
      else if (isDynamicImport || isRequire || isResolve) computed = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { specifiers: found, computed };
}

/** `./x.js` written in TypeScript sources means `./x.ts` (or .tsx, or a directory's index). */
function resolveRelative(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base, `${base}.ts`, path.join(base, 'index.ts')];
  const hit = candidates.find((c) => /\.(ts|tsx|mjs|js|json)$/.test(c) && existsSync(c));
  if (!hit) throw new Error(`${from}: cannot resolve ${specifier}`);
  return hit;
}

export function importGraph(entries: string[], root = process.cwd()): ImportGraph {
  const seen = new Set<string>();
  const packages = new Map<string, string[]>();
  const computed: string[] = [];
  const queue = entries.map((e) => path.resolve(root, e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.json')) continue;
    const found = runtimeSpecifiers(file);
    if (found.computed) computed.push(path.relative(root, file));
    for (const spec of found.specifiers) {
      if (spec.startsWith('.') || spec.startsWith('/')) queue.push(resolveRelative(file, spec));
      else if (spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(packageName(spec))) continue;
      else {
        const name = packageName(spec);
        const users = packages.get(name) ?? [];
        users.push(path.relative(root, file));
        packages.set(name, users);
      }
    }
  }
  return { files: [...seen].map((f) => path.relative(root, f)).sort(), packages, computed: computed.sort() };
}
