import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

/**
 * Only server/db talks to the database: services, routers, handlers and workers call repositories. These checks
 * read the source, so a query that slips in anywhere else fails here, not in review.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const DATABASE_ACCESS: Array<[string, RegExp]> = [
  ['.query(', /\.query\s*\(/],
  ['createQueryBuilder', /\bcreateQueryBuilder\b/],
  ['getRepository', /\bgetRepository\b/],
  ['the rows() helper', /\brows(<[^>]*>)?\(/],
  ['server/db/sql.js', /db\/sql\.js['"]/],
  ['SQL in a template string', /`[^`]*\b(SELECT\s[^`]*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b[^`]*`/],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

function databaseAccessIn(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return DATABASE_ACCESS.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
}

describe('database access stays in server/db', () => {
  const outsideDb = [...sourceFiles('server'), ...sourceFiles('workers')].filter((f) => !f.startsWith('server/db/'));

  it('no service, router, handler or worker runs SQL or a query builder of its own', () => {
    const offenders = outsideDb.flatMap((f) => databaseAccessIn(f).map((what) => `${f}: ${what}`));
    expect(offenders, 'move these into a repository under server/db/').to.deep.equal([]);
  });

  it('the checks recognise what they look for', () => {
    const found = (text: string) => DATABASE_ACCESS.filter(([, p]) => p.test(text)).map(([what]) => what);
    expect(found('await m.query(`SELECT 1 FROM x`)')).to.include.members(['.query(', 'SQL in a template string']);
    expect(found('const r = await rows<{ id: string }>(m, sql)')).to.include('the rows() helper');
    expect(found('const sql = `UPDATE persons SET name = $1`;')).to.include('SQL in a template string');
    expect(found('const message = `Select a variant from the list`;')).to.deep.equal([]);
  });
});

describe('layers', () => {
  const importsOf = (file: string) => [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  const resolved = (file: string, spec: string) => (spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) : spec);

  it('server/db imports nothing from server/http', () => {
    const offenders = sourceFiles('server/db').flatMap((f) => importsOf(f).filter((s) => resolved(f, s).startsWith('server/http/')).map((s) => `${f}: ${s}`));
    expect(offenders).to.deep.equal([]);
  });

  it('migrations are self-contained history: none imports from server/', () => {
    const offenders = sourceFiles('migrations').flatMap((f) => importsOf(f).filter((s) => resolved(f, s).startsWith('server/')).map((s) => `${f}: ${s}`));
    expect(offenders).to.deep.equal([]);
  });
});
