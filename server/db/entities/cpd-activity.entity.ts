import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import type { EvidenceContentType } from '../../domain/evidence.js';
import { AccountEntity } from './account.entity.js';
import { AccreditationEntity, AccreditationRunEntity } from './accreditation.entity.js';
import { CompetenceEntity } from './competence.entity.js';
import { PersonEntity } from './person.entity.js';
import { RegisterEntity } from './register.entity.js';

export type CpdActivityStatus = 'pending' | 'approved' | 'adjusted' | 'rejected';
export type CpdActivitySource = 'registrant' | 'attendance';

/** A registrant's CPD activity: logged with or without an accreditation code, or booked from attendance. */
@Entity({ name: 'cpd_activities' })
@Unique('cpd_activities_seed_key_key', ['seedKey'])
@Check('cpd_activities_source_check', `source IN ('registrant', 'attendance')`)
@Check('cpd_activities_kind_check', `kind ~ '^[a-z_]{2,40}$'`)
@Check('cpd_activities_title_check', `length(title) BETWEEN 1 AND 200`)
@Check('cpd_activities_provider_name_check', `provider_name IS NULL OR length(provider_name) BETWEEN 1 AND 200`)
@Check('cpd_activities_description_check', `description IS NULL OR length(description) BETWEEN 1 AND 5000`)
@Check('cpd_activities_employer_name_check', `employer_name IS NULL OR length(employer_name) BETWEEN 1 AND 200`)
@Check('cpd_activities_points_check', `points IS NULL OR points >= 0`)
@Check('cpd_activities_hours_check', `hours IS NULL OR hours > 0`)
@Check('cpd_activities_session_minutes_check', `session_minutes IS NULL OR session_minutes > 0`)
@Check('cpd_activities_supervisees_check', `supervisees IS NULL OR supervisees > 0`)
@Check('cpd_activities_status_check', `status IN ('pending', 'approved', 'adjusted', 'rejected')`)
@Check('cpd_activities_approved_points_check', `approved_points IS NULL OR approved_points >= 0`)
@Check('cpd_activities_staff_reason_check', `staff_reason IS NULL OR length(staff_reason) BETWEEN 1 AND 2000`)
@Check('cpd_activities_check', `period_starts_on IS NULL OR period_starts_on <= completed_on`)
@Check('cpd_activities_check1', `status NOT IN ('adjusted', 'rejected') OR staff_reason IS NOT NULL`)
@Check('cpd_activities_check2', `(source = 'attendance') <= (run_id IS NOT NULL)`)
@Index('cpd_activities_once_per_accreditation', ['personId', 'accreditationId'], { unique: true, where: `accreditation_id IS NOT NULL AND status <> 'rejected'` })
@Index('cpd_activities_person', ['personId', 'completedOn'])
@Index('cpd_activities_queue', ['createdAt'], { where: `status = 'pending'` })
@Index('cpd_activities_run', ['runId'], { where: `run_id IS NOT NULL` })
export class CpdActivityEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'cpd_activities_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'person_id' }) personId!: string;
  @ManyToOne(() => PersonEntity, { nullable: false })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'cpd_activities_person_id_fkey' })
  person?: Relation<PersonEntity>;
  @Column({ type: 'uuid', name: 'register_id' }) registerId!: string;
  @ManyToOne(() => RegisterEntity, { nullable: false })
  @JoinColumn({ name: 'register_id', foreignKeyConstraintName: 'cpd_activities_register_id_fkey' })
  register?: Relation<RegisterEntity>;
  @Column({ type: 'text' }) source!: CpdActivitySource;
  /** An activity kind code of settings.cpd.activityKinds, or 'accredited'. */
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', name: 'provider_name', nullable: true }) providerName!: string | null;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text' }) category!: string;
  @Column({ type: 'text', nullable: true }) subcategory!: string | null;
  @Column({ type: 'date', name: 'completed_on' }) completedOn!: string;
  /** Work experience is declared per period (period_starts_on .. completed_on) with an employer. */
  @Column({ type: 'date', name: 'period_starts_on', nullable: true }) periodStartsOn!: string | null;
  @Column({ type: 'text', name: 'employer_name', nullable: true }) employerName!: string | null;
  /** numeric: pg returns these as strings. */
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true }) points!: string | null;
  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true }) hours!: string | null;
  @Column({ type: 'int', name: 'session_minutes', nullable: true }) sessionMinutes!: number | null;
  @Column({ type: 'int', nullable: true }) supervisees!: number | null;
  @Column({ type: 'uuid', name: 'accreditation_id', nullable: true }) accreditationId!: string | null;
  @ManyToOne(() => AccreditationEntity)
  @JoinColumn({ name: 'accreditation_id', foreignKeyConstraintName: 'cpd_activities_accreditation_id_fkey' })
  accreditation?: Relation<AccreditationEntity> | null;
  @Column({ type: 'uuid', name: 'run_id', nullable: true }) runId!: string | null;
  @ManyToOne(() => AccreditationRunEntity)
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'cpd_activities_run_id_fkey' })
  run?: Relation<AccreditationRunEntity> | null;
  @Column({ type: 'text' }) status!: CpdActivityStatus;
  @Column({ type: 'numeric', name: 'approved_points', precision: 7, scale: 2, nullable: true }) approvedPoints!: string | null;
  @Column({ type: 'text', name: 'staff_reason', nullable: true }) staffReason!: string | null;
  @Column({ type: 'uuid', name: 'decided_by', nullable: true }) decidedBy!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'cpd_activities_decided_by_fkey' })
  decider?: Relation<AccountEntity> | null;
  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'uuid', name: 'created_by', nullable: true }) createdBy!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'cpd_activities_created_by_fkey' })
  creator?: Relation<AccountEntity> | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
  @Column({ type: 'text', name: 'seed_key', nullable: true }) seedKey!: string | null;
}

/** The competences an activity serves (for an accredited one, copied from its accreditation). */
@Entity({ name: 'cpd_activity_competences' })
export class CpdActivityCompetenceEntity {
  @PrimaryColumn({ type: 'uuid', name: 'activity_id', primaryKeyConstraintName: 'cpd_activity_competences_pkey' }) activityId!: string;
  @ManyToOne(() => CpdActivityEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'cpd_activity_competences_activity_id_fkey' })
  activity?: Relation<CpdActivityEntity>;
  @PrimaryColumn({ type: 'uuid', name: 'competence_id', primaryKeyConstraintName: 'cpd_activity_competences_pkey' }) competenceId!: string;
  @ManyToOne(() => CompetenceEntity, { nullable: false })
  @JoinColumn({ name: 'competence_id', foreignKeyConstraintName: 'cpd_activity_competences_competence_id_fkey' })
  competence?: Relation<CompetenceEntity>;
}

/** Evidence of an activity (certificate, signed reflection statement, employer statement); the file is in the store. */
@Entity({ name: 'cpd_evidence_files' })
@Check('cpd_evidence_files_kind_check', `kind ~ '^[a-z0-9-]{2,40}$'`)
@Check('cpd_evidence_files_original_name_check', `length(original_name) BETWEEN 1 AND 200`)
@Check('cpd_evidence_files_content_type_check', `content_type IN ('application/pdf', 'image/jpeg', 'image/png')`)
@Check('cpd_evidence_files_size_bytes_check', `size_bytes > 0`)
@Index('cpd_evidence_files_activity', ['activityId'])
export class CpdEvidenceFileEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'cpd_evidence_files_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'activity_id' }) activityId!: string;
  @ManyToOne(() => CpdActivityEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'cpd_evidence_files_activity_id_fkey' })
  activity?: Relation<CpdActivityEntity>;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text', name: 'original_name' }) originalName!: string;
  @Column({ type: 'text', name: 'content_type' }) contentType!: EvidenceContentType;
  @Column({ type: 'int', name: 'size_bytes' }) sizeBytes!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'uuid', name: 'uploaded_by', nullable: true }) uploadedBy!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'cpd_evidence_files_uploaded_by_fkey' })
  uploader?: Relation<AccountEntity> | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}

/** A portfolio PDF export, rendered by a worker. */
@Entity({ name: 'portfolio_exports' })
@Check('portfolio_exports_status_check', `status IN ('pending', 'rendered', 'failed')`)
@Check('portfolio_exports_locale_check', `locale IN ('nl', 'en')`)
@Check('portfolio_exports_check', `(status = 'rendered') = (pdf IS NOT NULL)`)
@Index('portfolio_exports_person', ['personId', 'createdAt'])
export class PortfolioExportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'portfolio_exports_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'person_id' }) personId!: string;
  @ManyToOne(() => PersonEntity, { nullable: false })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'portfolio_exports_person_id_fkey' })
  person?: Relation<PersonEntity>;
  @Column({ type: 'uuid', name: 'requested_by', nullable: true }) requestedBy!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'portfolio_exports_requested_by_fkey' })
  requester?: Relation<AccountEntity> | null;
  @Column({ type: 'text', default: 'pending' }) status!: 'pending' | 'rendered' | 'failed';
  @Column({ type: 'bytea', nullable: true }) pdf!: Buffer | null;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ type: 'text', name: 'last_error', nullable: true }) lastError!: string | null;
  @Column({ type: 'text', default: 'nl' }) locale!: 'nl' | 'en';
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'rendered_at', nullable: true }) renderedAt!: Date | null;
}
