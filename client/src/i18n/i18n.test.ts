import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import nlBase from './nl.json' with { type: 'json' };
import { en, mergeTrees, nl, type Tree } from './resources.js';
import {
  CODE_STATUSES,
  DECISIONS,
  DECLARATIONS,
  FIXED_EVIDENCE_KINDS,
  ISSUE_CODES,
  MEASURE_TYPES,
  NEXT_STEPS,
  ROLES,
  STATUSES,
  VARIANT_KINDS,
} from '../api/types.js';


const SRC_DIR = fileURLToPath(new URL('..', import.meta.url));

/** All leaf keys as dotted paths. */
function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [path] : leafKeys(value, path);
  });
}

function lookup(tree: Tree, path: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

/** A key exists if it is a string leaf, or (plural) if key_other is a string leaf. */
function hasKey(tree: Tree, key: string): boolean {
  if (typeof lookup(tree, key) === 'string') return true;
  return typeof lookup(tree, `${key}_other`) === 'string';
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Literal keys used as t('key'), t("key") or t(`key`) (template literals without ${} only). */
export function usedKeys(source: string): string[] {
  const re = /\bt\(\s*(?:'([^'\n]+)'|"([^"\n]+)"|`([^`$\n]+)`)/g;
  const keys: string[] = [];
  for (const m of source.matchAll(re)) keys.push((m[1] ?? m[2] ?? m[3])!);
  return keys;
}

const nlTree: Tree = nl;
const enTree: Tree = en;

describe('i18n resources', () => {
  it('merges the area files into one tree and refuses a key defined twice', () => {
    expect(mergeTrees([{ a: { b: 'x' } }, { a: { c: 'y' } }])).to.deep.equal({ a: { b: 'x', c: 'y' } });
    expect(() => mergeTrees([{ a: { b: 'x' } }, { a: { b: 'y' } }])).to.throw('a.b');
  });

  it('nl and en have exactly the same keys', () => {
    expect(leafKeys(enTree).sort()).to.deep.equal(leafKeys(nlTree).sort());
  });

  it('has no empty strings', () => {
    for (const [name, tree] of [
      ['nl', nlTree],
      ['en', enTree],
    ] as const) {
      const empty = leafKeys(tree).filter((k) => (lookup(tree, k) as string).trim() === '');
      expect(empty, `empty strings in ${name}.json`).to.deep.equal([]);
    }
  });

  it('uses the same interpolation variables in nl and en', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    for (const key of leafKeys(nlTree)) {
      expect(vars(lookup(enTree, key) as string), key).to.deep.equal(vars(lookup(nlTree, key) as string));
    }
  });

  it('every literal t() key used in client/src exists in nl.json', () => {
    const files = sourceFiles(SRC_DIR).filter((f) => f.endsWith('.tsx') || f.endsWith('.ts'));
    const tsxFiles = files.filter((f) => f.endsWith('.tsx'));
    expect(tsxFiles.length, 'found .tsx sources to scan').to.be.greaterThan(3);
    const missing: string[] = [];
    let count = 0;
    for (const file of files) {
      for (const key of usedKeys(readFileSync(file, 'utf8'))) {
        count++;
        if (!hasKey(nlTree, key)) missing.push(`${key} (${file.slice(SRC_DIR.length)})`);
      }
    }
    expect(count, 'number of t() calls found').to.be.greaterThan(20);
    expect(missing, 'keys missing from nl.json').to.deep.equal([]);
  });

  it('has labels for every status, measure type, role, variant kind and language', () => {
    const needed = [
      ...STATUSES.map((s) => `status.${s}`),
      ...MEASURE_TYPES.map((m) => `measureType.${m}`),
      ...ROLES.map((r) => `role.${r}`),
      ...VARIANT_KINDS.map((k) => `variantKind.${k}`),
      'lang.nl',
      'lang.en',
      'lang.nlFull',
      'lang.enFull',
    ];
    expect(needed.filter((k) => !hasKey(nlTree, k))).to.deep.equal([]);
  });

  it('has labels for next steps, issue codes, declarations, evidence kinds, code statuses and decisions', () => {
    const needed = [
      ...NEXT_STEPS.map((s) => `nextStep.${s}`),
      ...ISSUE_CODES.map((c) => `issue.${c}`),
      ...DECLARATIONS.flatMap((d) => [`declaration.${d}.title`, `declaration.${d}.statement`, `declaration.${d}.explanation`]),
      ...FIXED_EVIDENCE_KINDS.map((k) => `evidence.kind.${k}`),
      ...['empty', 'file_too_large', 'unsupported_file_type'].map((p) => `evidence.problem.${p}`),
      ...['required', 'invalid_email', 'invalid_year', 'invalid_hours'].map((e) => `form.error.${e}`),
      ...['document', 'statement'].map((k) => `form.requirements.${k}Hint`),
      ...VARIANT_KINDS.map((k) => `apply.hint.${k}`),
      ...CODE_STATUSES.map((s) => `verify.${s}`),
      ...DECISIONS.flatMap((d) => [`staff.decision.option.${d}`, `staff.decision.optionHint.${d}`, `staff.decision.done.${d}`]),
      ...['reject', 'request_info'].flatMap((d) => [
        `staff.decision.textLabel.${d}`,
        `staff.decision.textHint.${d}`,
        `staff.decision.textRequired.${d}`,
      ]),
      ...['already_exists', 'generalist_required', 'not_editable', 'application_incomplete', 'status_changed', 'file_too_large', 'unsupported_file_type'].map(
        (c) => `errors.code.${c}`,
      ),
    ];
    expect(needed.filter((k) => !hasKey(nlTree, k))).to.deep.equal([]);
  });

  it('uses the agreed Dutch verification banners', () => {
    expect(nlBase.verify.current).to.equal('Dit registratiebewijs is geldig en actueel.');
    expect(nlBase.verify.superseded).to.equal(
      'Dit registratiebewijs is vervangen door een nieuwere versie; de actuele status staat hieronder.',
    );
    expect(nlBase.verify.unknown).to.equal('Deze verificatiecode is onbekend.');
  });

  it('uses the agreed Dutch status labels', () => {
    expect(nlBase.status).to.deep.equal({
      concept: 'Concept',
      submitted: 'Ingediend',
      in_review: 'In behandeling',
      registered: 'Geregistreerd',
      rejected: 'Afgewezen',
      reregistration_submitted: 'Herregistratie ingediend',
      struck_off: 'Doorgehaald',
      suspended: 'Geschorst',
      lapsed: 'Verlopen',
      withdrawn: 'Uitgeschreven',
    });
  });

  it('the key scanner finds literal keys and skips dynamic ones', () => {
    expect(usedKeys(`t('a.b'); t("c"); t(\`d.e\`); t(\`status.\${s}\`); format('x')`)).to.deep.equal([
      'a.b',
      'c',
      'd.e',
    ]);
  });
});
