import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { findCpdRegistrations, listProgressActivities } from '../../../server/db/repositories/cpd-activities.repository.js';
import type { Queues } from '../../../server/jobs/registry.js';
import { CpdActivitiesService } from '../../../server/modules/cpd-activities/cpd-activities.service.js';
import type { Actor } from '../../../server/policies/actor.js';
import { EvidenceStore } from '../../../server/storage/evidence-store.js';
import { percentile } from './stats.js';

/**
 * Issue 8's CPD benchmark: GET /api/my/cpd/progress for a registrant with 1,000 activities. "Server time" is what
 * the server does for that route after the session: the service (two queries, the rules, the presentation) plus
 * serialising the answer. The baseline, measured in the same run and alternating with it, is the same two
 * statements (the repository's functions) through the same data source with nothing done with their rows. Sequential calls, so each sample is
 * one request's own time. Aim: p99 < 20 ms.
 */

export const CPD_BENCH_ACTIVITIES = 1000;
const ACCREDITED = 50;
const AIM_P99_MS = 20;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface CpdBenchResult {
  activities: number;
  samples: number;
  /** Latency of one call, and the Node process's CPU time per call (load on the machine inflates the first, hardly the second). */
  app: { p50Ms: number; p99Ms: number; cpuMs: number };
  baseline: { p50Ms: number; p99Ms: number; cpuMs: number };
  bytes: number;
}

/** A registered person with 1,000 activities of every kind and state (idempotent by seed_key 'bench-cpd-…'). */
async function benchPerson(db: DataSource): Promise<string> {
  const [person] = (await db.query(
    `SELECT p.id, v.register_id AS "registerId", r.cycle_starts_on::text AS "startsOn"
       FROM persons p JOIN registrations r ON r.person_id = p.id JOIN variants v ON v.id = r.variant_id
      WHERE p.seed_key = 'seed-person-1' AND v.kind = 'generalist' AND r.cycle_starts_on IS NOT NULL`,
  )) as Array<{ id: string; registerId: string; startsOn: string }>;
  if (!person) throw new Error('bench: seed-person-1 has no registered generalist registration');
  const [org] = (await db.query(`SELECT id FROM organisations WHERE kind = 'provider' ORDER BY seed_key LIMIT 1`)) as Array<{ id: string }>;
  const code = (i: number) => `BNCH-${[0, 1, 2, 3].map((k) => CODE_ALPHABET[Math.floor(i / CODE_ALPHABET.length ** k) % CODE_ALPHABET.length]).join('')}`;
  // Accreditations for generalist and specialist variants, so the rules meet accredited activities too.
  await db.query(
    `INSERT INTO accreditations (organisation_id, register_id, title, description, form, net_contact_hours, has_final_test, status, code, points, category, subcategory, term_years, valid_from, valid_until, decided_at, seed_key)
     SELECT $1, $2, 'Benchmarktraining ' || i, 'Benchmark.', 'training', 4, false, 'approved', c, 4, CASE WHEN i % 5 = 0 THEN 'specialisme' ELSE 'deskundigheidsbevordering' END,
            CASE WHEN i % 5 = 0 THEN NULL ELSE 'accredited' END, 3, $3::date, $3::date + 3650, now(), 'bench-cpd-accr-' || i
       FROM unnest($4::text[]) WITH ORDINALITY AS x(c, i)
     ON CONFLICT (seed_key) DO NOTHING`,
    [org!.id, person.registerId, person.startsOn, Array.from({ length: ACCREDITED }, (_, i) => code(i))],
  );
  await db.query(
    `INSERT INTO accreditation_variants (accreditation_id, variant_id)
     SELECT a.id, v.id FROM accreditations a JOIN variants v ON v.register_id = a.register_id AND (v.kind = 'generalist' OR v.code = 'jeugd-gezin')
      WHERE a.seed_key LIKE 'bench-cpd-accr-%' ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `INSERT INTO cpd_activities (person_id, register_id, source, kind, title, category, subcategory, completed_on, points, accreditation_id, status, approved_points, decided_at, seed_key)
     SELECT $1, a.register_id, 'registrant', 'accredited', a.title, a.category, a.subcategory, $2::date + (row_number() OVER (ORDER BY a.seed_key))::int * 7, a.points, a.id, 'approved', a.points, now(),
            'bench-cpd-act-' || a.seed_key
       FROM accreditations a WHERE a.seed_key LIKE 'bench-cpd-accr-%'
     ON CONFLICT DO NOTHING`,
    [person.id, person.startsOn],
  );
  // The rest: every kind and status, some before the cycle, some sessions too short.
  await db.query(
    `INSERT INTO cpd_activities (person_id, register_id, source, kind, title, category, subcategory, completed_on, period_starts_on, employer_name, points, hours, session_minutes, supervisees,
                                 status, approved_points, staff_reason, decided_at, seed_key)
     SELECT $1, $2, 'registrant', k.kind, k.kind || ' ' || i, k.category, k.subcategory,
            $3::date + (i % 1500) - 30, CASE WHEN k.kind = 'work_experience' THEN $3::date + (i % 1500) - 60 END,
            CASE WHEN k.kind = 'work_experience' THEN 'Werkgever' END,
            k.points, k.hours, k.minutes, k.supervisees,
            s.status, CASE WHEN s.status = 'approved' THEN coalesce(k.points, k.hours) WHEN s.status = 'adjusted' THEN coalesce(k.points, k.hours) / 2 END,
            CASE WHEN s.status IN ('adjusted', 'rejected') THEN 'Benchmarkreden.' END, CASE WHEN s.status <> 'pending' THEN now() END,
            'bench-cpd-act-' || i
       FROM generate_series(1, $4::int) AS i
       CROSS JOIN LATERAL (SELECT * FROM (VALUES
         (0, 'formal_learning', 'deskundigheidsbevordering', 'accredited', 3::numeric, NULL::numeric, NULL::int, NULL::int),
         (1, 'informal_learning', 'deskundigheidsbevordering', 'informal', 2, NULL, NULL, NULL),
         (2, 'intervision', 'reflectie', NULL, 1.5, NULL, CASE WHEN i % 7 = 0 THEN 45 ELSE 90 END, NULL),
         (3, 'supervision', 'reflectie', NULL, NULL, 10, 90, 2),
         (4, 'work_experience', 'werkervaring', NULL, NULL, 120, NULL, NULL)) AS t(n, kind, category, subcategory, points, hours, minutes, supervisees)
         WHERE t.n = i % 5) AS k
       CROSS JOIN LATERAL (SELECT (ARRAY['approved', 'approved', 'pending', 'adjusted', 'rejected', 'approved'])[1 + (i / 5) % 6] AS status) AS s
     ON CONFLICT (seed_key) DO NOTHING`,
    [person.id, person.registerId, person.startsOn, CPD_BENCH_ACTIVITIES - ACCREDITED],
  );
  await db.query(`ANALYZE cpd_activities`);
  return person.id;
}

const round = (x: number) => Math.round(x * 100) / 100;

export async function runCpdProgressBench(options: { db: DataSource; queues: Queues; logger: Logger; evidenceDir: string; log: (line: string) => void; samples?: number }): Promise<CpdBenchResult> {
  const { db, log } = options;
  const samples = options.samples ?? 1000;
  const personId = await benchPerson(db);
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM cpd_activities WHERE person_id = $1`, [personId])) as [{ n: number }];
  const service = new CpdActivitiesService({ db, evidence: new EvidenceStore(options.evidenceDir), queues: options.queues, logger: options.logger });
  const actor: Actor = { account: { id: personId, displayName: 'bench', email: null }, roles: ['registrant'], person: { id: personId, registrationNumber: null, name: 'bench' }, memberships: [], token: null };

  let bytes = 0;
  const app = async () => {
    bytes = JSON.stringify(await service.progress(actor)).length;
  };
  const baseline = async () => {
    await Promise.all([findCpdRegistrations(db, personId), listProgressActivities(db, personId)]);
  };
  const cpu = { app: 0, baseline: 0 };
  const time = async (f: () => Promise<void>, which: 'app' | 'baseline') => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await f();
    const elapsed = performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpu[which] += (c.user + c.system) / 1000;
    return elapsed;
  };
  log(`cpd progress: ${n} activities; warming up`);
  for (let i = 0; i < 100; i++) {
    await app();
    await baseline();
  }
  const appMs: number[] = [];
  const baseMs: number[] = [];
  // Alternating, so a drift in the machine's load hits both alike.
  for (let i = 0; i < samples; i++) {
    appMs.push(await time(app, 'app'));
    baseMs.push(await time(baseline, 'baseline'));
  }
  appMs.sort((a, b) => a - b);
  baseMs.sort((a, b) => a - b);
  return {
    activities: n,
    samples,
    app: { p50Ms: round(percentile(appMs, 50)), p99Ms: round(percentile(appMs, 99)), cpuMs: round(cpu.app / samples) },
    baseline: { p50Ms: round(percentile(baseMs, 50)), p99Ms: round(percentile(baseMs, 99)), cpuMs: round(cpu.baseline / samples) },
    bytes,
  };
}

export function formatCpdBench(r: CpdBenchResult): string {
  const met = r.app.p99Ms < AIM_P99_MS;
  const load = os.loadavg()[0]!.toFixed(1);
  return [
    `CPD progress (GET /api/my/cpd/progress, in-process server time), ${r.activities.toLocaleString('en')} activities, ${r.samples.toLocaleString('en')} sequential samples, answer ${Math.round(r.bytes / 1024)} kB`,
    `  baseline (same 2 statements, rows dropped): p50 ${r.baseline.p50Ms} ms, p99 ${r.baseline.p99Ms} ms, Node CPU ${r.baseline.cpuMs} ms/request`,
    `  app (SQL + rules + presentation + JSON):     p50 ${r.app.p50Ms} ms, p99 ${r.app.p99Ms} ms, Node CPU ${r.app.cpuMs} ms/request`,
    `  aim p99 < ${AIM_P99_MS} ms: ${met ? 'met' : 'NOT met'} (machine load average ${load} on ${os.cpus().length} cores)`,
  ].join('\n');
}
