import type { DataSource } from 'typeorm';
import * as repo from '../../../server/db/repositories/accreditations.repository.js';
import { rows } from '../../../server/db/sql.js';
import { generateAccreditationCode } from '../../../server/domain/accreditation.js';
import { addDays, todayIn } from '../../../server/domain/plain-date.js';
import { oidcLogin } from '../../../tests/helpers/http-session.js';

/**
 * The issue's aim: an attendance upload of 5,000 rows end to end (upload to points booked) under 5 s. The app: the
 * demo provider logs in and POSTs a CSV of 5,000 registration numbers (multipart) to a fresh approved accreditation's
 * run; the clock runs from the request until the 201 that lists every row's outcome. The baseline: the same SQL
 * (the upload row, the one set-based booking statement, the counts) in one transaction on the same database, without
 * HTTP, parsing, authorisation or presentation. Each side books into its own fresh accreditations, alternating.
 */
export const ATTENDANCE_ROWS = 5_000;
export const ATTENDANCE_AIM_MS = 5_000;
const RUNS = 5;

export interface AttendanceBenchResult {
  rows: number;
  app: { medianMs: number; maxMs: number; booked: number };
  baseline: { medianMs: number; maxMs: number; booked: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchAttendance(opts: { db: DataSource; publicUrl: string; log: (line: string) => void }): Promise<AttendanceBenchResult> {
  const { db, publicUrl, log } = opts;
  const [register] = await rows<{ id: string; tz: string }>(db, `SELECT id, settings->>'timeZone' AS tz FROM registers WHERE code = 'sociaal-werk'`);
  const [org] = await rows<{ id: string; name: string }>(db, `SELECT id, name FROM organisations WHERE seed_key = 'org-provider-noord'`);
  const [member] = await rows<{ id: string }>(db, `SELECT account_id AS id FROM organisation_members WHERE organisation_id = $1 ORDER BY created_at LIMIT 1`, [org!.id]);
  const [staffAccount] = await rows<{ id: string }>(db, `SELECT account_id AS id FROM account_roles WHERE role = 'staff' LIMIT 1`);
  const [generalist] = await rows<{ id: string }>(db, `SELECT id FROM variants WHERE code = 'sociaal-werker'`);
  if (!register || !org || !member || !staffAccount || !generalist) throw new Error('attendance bench: the demo provider, staff or register is missing');
  const today = todayIn(register.tz);
  const runDay = addDays(today, -1);
  const numbers = (
    await rows<{ n: string }>(
      db,
      `SELECT p.registration_number AS n FROM persons p JOIN registrations r ON r.person_id = p.id
        WHERE r.variant_id = $1 AND r.status = 'registered' AND r.registered_on <= $2 ORDER BY p.registration_number LIMIT $3`,
      [generalist.id, runDay, ATTENDANCE_ROWS],
    )
  ).map((r) => r.n);
  if (numbers.length < ATTENDANCE_ROWS) throw new Error(`attendance bench: only ${numbers.length} registered people`);
  const stamp = Date.now();

  /** A fresh approved accreditation with one past run: every upload books all of its rows. */
  const fresh = async (i: number) =>
    db.transaction(async (m) => {
      const id = await repo.insertAccreditation(m, {
        organisationId: org.id,
        registerId: register.id,
        title: `Benchmark ${stamp}-${i}`,
        description: 'Benchmark of the attendance upload.',
        form: 'training',
        netContactHours: 4,
        hasFinalTest: false,
        submittedBy: member.id,
        variantIds: [generalist.id],
        competenceIds: [],
        runs: [{ startsOn: runDay, endsOn: runDay, place: 'Benchmark', online: false }],
        seedKey: `bench-accr-${stamp}-${i}`,
      });
      await repo.approveAccreditation(
        m,
        id,
        { points: 4, category: 'deskundigheidsbevordering', subcategory: 'accredited', termYears: 1, validFrom: runDay, validUntil: addDays(runDay, 364), decidedBy: staffAccount.id },
        generateAccreditationCode,
      );
      const [run] = await rows<{ id: string }>(m, `SELECT id FROM accreditation_runs WHERE accreditation_id = $1`, [id]);
      return { id, runId: run!.id };
    });

  const { session } = await oidcLogin(publicUrl, 'provider', 'demo-provider');
  const origin = new URL(publicUrl).origin;
  const csv = Buffer.from(`registratienummer;naam\n${numbers.map((n) => `${n};deelnemer`).join('\n')}\n`);

  const appTimes: number[] = [];
  const baseTimes: number[] = [];
  let appBooked = 0;
  let baseBooked = 0;
  const created: string[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const forApp = await fresh(i * 2);
      const forBase = await fresh(i * 2 + 1);
      created.push(forApp.id, forBase.id);

      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(csv)], { type: 'text/csv' }), 'presentielijst.csv');
      const t0 = performance.now();
      const res = await session.fetch(`${publicUrl}/api/provider/runs/${forApp.runId}/attendance`, { method: 'POST', headers: { origin }, body: form });
      const body = (await res.json()) as { counts?: { booked: number } };
      appTimes.push(performance.now() - t0);
      if (res.status !== 201) throw new Error(`attendance upload answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      appBooked = body.counts!.booked;

      const [acc] = await rows<{ points: string }>(db, `SELECT points FROM accreditations WHERE id = $1`, [forBase.id]);
      const input = numbers.map((n, k) => ({ rowNumber: k + 2, raw: `${n};deelnemer`, registrationNumber: n }));
      const t1 = performance.now();
      const results = await db.transaction(async (m) => {
        const upload = await repo.insertUpload(m, { runId: forBase.runId, format: 'csv', fileName: 'presentielijst.csv', uploadedBy: member.id, uploadedByToken: null, rowCount: input.length });
        const out = await repo.bookAttendance(
          m,
          upload.id,
          { accreditationId: forBase.id, runId: forBase.runId, registerId: register.id, title: 'Benchmark', providerName: org.name, points: acc!.points, category: 'deskundigheidsbevordering', subcategory: 'accredited', completedOn: runDay },
          input,
          member.id,
        );
        const booked = out.filter((r) => r.outcome === 'booked').length;
        await repo.setUploadCounts(m, upload.id, { booked, alreadyBooked: 0, refused: out.length - booked });
        return booked;
      });
      baseTimes.push(performance.now() - t1);
      baseBooked = results;
      log(`attendance: run ${i + 1}/${RUNS}: app ${Math.round(appTimes.at(-1)!)} ms (${appBooked} booked), baseline ${Math.round(baseTimes.at(-1)!)} ms (${baseBooked} booked)`);
    }
  } finally {
    // The benchmark's bookings would otherwise pile up in the kept dataset.
    await db.query(`DELETE FROM cpd_activities WHERE accreditation_id = ANY($1::uuid[])`, [created]);
    await db.query(`DELETE FROM accreditations WHERE id = ANY($1::uuid[])`, [created]);
  }
  return {
    rows: ATTENDANCE_ROWS,
    app: { medianMs: median(appTimes), maxMs: Math.max(...appTimes), booked: appBooked },
    baseline: { medianMs: median(baseTimes), maxMs: Math.max(...baseTimes), booked: baseBooked },
  };
}

export function formatAttendance(r: AttendanceBenchResult): string {
  const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
  const verdict = r.app.maxMs < ATTENDANCE_AIM_MS && r.app.booked === r.rows ? 'met' : 'MISSED';
  return [
    `Attendance upload of ${r.rows.toLocaleString('en')} rows, end to end (upload to points booked), ${RUNS} runs each`,
    `  app (HTTP multipart CSV → 201):      median ${ms(r.app.medianMs)}, max ${ms(r.app.maxMs)}, ${r.app.booked.toLocaleString('en')} booked`,
    `  baseline (same SQL, no app logic):   median ${ms(r.baseline.medianMs)}, max ${ms(r.baseline.maxMs)}, ${r.baseline.booked.toLocaleString('en')} booked`,
    `  aim: app < ${ms(ATTENDANCE_AIM_MS)} — ${verdict}`,
  ].join('\n');
}
