import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { AccountEntity } from './account.entity.js';
import { CompetenceEntity } from './competence.entity.js';
import { ApiTokenEntity, OrganisationEntity } from './organisation.entity.js';
import { RegisterEntity } from './register.entity.js';
import { VariantEntity } from './variant.entity.js';

export type AccreditationStatus = 'submitted' | 'approved' | 'rejected' | 'objection' | 'withdrawn';
export type AccreditationOutcome = 'approved' | 'rejected' | 'objection_refused';
export type AttendanceOutcome = 'booked' | 'already_booked' | 'duplicate_in_upload' | 'unknown_number' | 'not_registered' | 'invalid_row';

/** A provider's activity, accredited per register; approved, it carries a human-typable code. */
@Entity({ name: 'accreditations' })
@Unique('accreditations_code_key', ['code'])
@Unique('accreditations_seed_key_key', ['seedKey'])
@Check('accreditations_title_check', `length(title) BETWEEN 1 AND 200`)
@Check('accreditations_description_check', `length(description) BETWEEN 1 AND 5000`)
@Check('accreditations_form_check', `form ~ '^[a-z_]{2,40}$'`)
@Check('accreditations_net_contact_hours_check', `net_contact_hours > 0`)
@Check('accreditations_status_check', `status IN ('submitted', 'approved', 'rejected', 'objection', 'withdrawn')`)
@Check('accreditations_code_check', `code IS NULL OR code ~ '^[A-Z2-9]{4}-[A-Z2-9]{4}$'`)
@Check('accreditations_points_check', `points IS NULL OR points > 0`)
@Check('accreditations_term_years_check', `term_years IS NULL OR term_years > 0`)
@Check('accreditations_rejection_reason_check', `rejection_reason IS NULL OR length(rejection_reason) BETWEEN 1 AND 2000`)
@Check(
  'accreditations_check',
  `(status = 'approved') = (code IS NOT NULL AND points IS NOT NULL AND category IS NOT NULL AND valid_from IS NOT NULL AND valid_until IS NOT NULL)`,
)
@Check('accreditations_check1', `valid_until IS NULL OR valid_until >= valid_from`)
@Index('accreditations_organisation', ['organisationId', 'submittedAt'])
@Index('accreditations_queue', ['submittedAt'], { where: `status IN ('submitted', 'objection')` })
export class AccreditationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'accreditations_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'organisation_id' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { nullable: false })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'accreditations_organisation_id_fkey' })
  organisation?: Relation<OrganisationEntity>;
  @Column({ type: 'uuid', name: 'register_id' }) registerId!: string;
  @ManyToOne(() => RegisterEntity, { nullable: false })
  @JoinColumn({ name: 'register_id', foreignKeyConstraintName: 'accreditations_register_id_fkey' })
  register?: Relation<RegisterEntity>;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) description!: string;
  /** A form code of settings.cpd.accreditationForms. */
  @Column({ type: 'text' }) form!: string;
  /** numeric(6,2): pg returns it as a string. */
  @Column({ type: 'numeric', name: 'net_contact_hours', precision: 6, scale: 2 }) netContactHours!: string;
  @Column({ type: 'boolean', name: 'has_final_test' }) hasFinalTest!: boolean;
  @Column({ type: 'text', default: 'submitted' }) status!: AccreditationStatus;
  @Column({ type: 'text', nullable: true }) code!: string | null;
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true }) points!: string | null;
  @Column({ type: 'text', nullable: true }) category!: string | null;
  @Column({ type: 'text', nullable: true }) subcategory!: string | null;
  @Column({ type: 'int', name: 'term_years', nullable: true }) termYears!: number | null;
  @Column({ type: 'date', name: 'valid_from', nullable: true }) validFrom!: string | null;
  @Column({ type: 'date', name: 'valid_until', nullable: true }) validUntil!: string | null;
  @Column({ type: 'text', name: 'rejection_reason', nullable: true }) rejectionReason!: string | null;
  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'uuid', name: 'decided_by', nullable: true }) decidedBy!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'accreditations_decided_by_fkey' })
  decider?: Relation<AccountEntity> | null;
  /** The provider may keep an accredited activity out of the public course agenda. */
  @Column({ type: 'boolean', name: 'in_agenda', default: true }) inAgenda!: boolean;
  @Column({ type: 'uuid', name: 'submitted_by', nullable: true }) submittedBy!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'accreditations_submitted_by_fkey' })
  submitter?: Relation<AccountEntity> | null;
  @Column({ type: 'timestamptz', name: 'submitted_at', default: () => 'now()' }) submittedAt!: Date;
  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
  @Column({ type: 'text', name: 'seed_key', nullable: true }) seedKey!: string | null;
}

/** The variants an accreditation targets. */
@Entity({ name: 'accreditation_variants' })
export class AccreditationVariantEntity {
  @PrimaryColumn({ type: 'uuid', name: 'accreditation_id', primaryKeyConstraintName: 'accreditation_variants_pkey' }) accreditationId!: string;
  @ManyToOne(() => AccreditationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'accreditation_id', foreignKeyConstraintName: 'accreditation_variants_accreditation_id_fkey' })
  accreditation?: Relation<AccreditationEntity>;
  @PrimaryColumn({ type: 'uuid', name: 'variant_id', primaryKeyConstraintName: 'accreditation_variants_pkey' }) variantId!: string;
  @ManyToOne(() => VariantEntity, { nullable: false })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'accreditation_variants_variant_id_fkey' })
  variant?: Relation<VariantEntity>;
}

/** The variants the provider asked for, kept as asked: staff approve these or fewer, and may add one back on an objection. */
@Entity({ name: 'accreditation_requested_variants' })
export class AccreditationRequestedVariantEntity {
  @PrimaryColumn({ type: 'uuid', name: 'accreditation_id', primaryKeyConstraintName: 'accreditation_requested_variants_pkey' }) accreditationId!: string;
  @ManyToOne(() => AccreditationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'accreditation_id', foreignKeyConstraintName: 'accreditation_requested_variants_accreditation_id_fkey' })
  accreditation?: Relation<AccreditationEntity>;
  @PrimaryColumn({ type: 'uuid', name: 'variant_id', primaryKeyConstraintName: 'accreditation_requested_variants_pkey' }) variantId!: string;
  @ManyToOne(() => VariantEntity, { nullable: false })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'accreditation_requested_variants_variant_id_fkey' })
  variant?: Relation<VariantEntity>;
}

/** The competences an accredited activity serves. */
@Entity({ name: 'accreditation_competences' })
export class AccreditationCompetenceEntity {
  @PrimaryColumn({ type: 'uuid', name: 'accreditation_id', primaryKeyConstraintName: 'accreditation_competences_pkey' }) accreditationId!: string;
  @ManyToOne(() => AccreditationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'accreditation_id', foreignKeyConstraintName: 'accreditation_competences_accreditation_id_fkey' })
  accreditation?: Relation<AccreditationEntity>;
  @PrimaryColumn({ type: 'uuid', name: 'competence_id', primaryKeyConstraintName: 'accreditation_competences_pkey' }) competenceId!: string;
  @ManyToOne(() => CompetenceEntity, { nullable: false })
  @JoinColumn({ name: 'competence_id', foreignKeyConstraintName: 'accreditation_competences_competence_id_fkey' })
  competence?: Relation<CompetenceEntity>;
}

/** Every staff decision on a request: the first one and those on objections, with the reason. */
@Entity({ name: 'accreditation_decisions' })
@Check('accreditation_decisions_outcome_check', `outcome IN ('approved', 'rejected', 'objection_refused')`)
@Check('accreditation_decisions_reason_check', `reason IS NULL OR length(reason) BETWEEN 1 AND 2000`)
@Check('accreditation_decisions_check', `outcome = 'approved' OR reason IS NOT NULL`)
@Check('accreditation_decisions_net_contact_hours_check', `net_contact_hours IS NULL OR net_contact_hours > 0`)
@Index('accreditation_decisions_accreditation', ['accreditationId', 'decidedAt'])
export class AccreditationDecisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'accreditation_decisions_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'accreditation_id' }) accreditationId!: string;
  @ManyToOne(() => AccreditationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'accreditation_id', foreignKeyConstraintName: 'accreditation_decisions_accreditation_id_fkey' })
  accreditation?: Relation<AccreditationEntity>;
  @Column({ type: 'text' }) outcome!: AccreditationOutcome;
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true }) points!: string | null;
  @Column({ type: 'text', nullable: true }) category!: string | null;
  @Column({ type: 'text', nullable: true }) subcategory!: string | null;
  @Column({ type: 'int', name: 'term_years', nullable: true }) termYears!: number | null;
  /** The net contact hours an approval's points were computed from (staff may correct them on an objection). */
  @Column({ type: 'numeric', name: 'net_contact_hours', precision: 6, scale: 2, nullable: true }) netContactHours!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'uuid', name: 'decided_by' }) decidedBy!: string;
  @ManyToOne(() => AccountEntity, { nullable: false })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'accreditation_decisions_decided_by_fkey' })
  decider?: Relation<AccountEntity>;
  @Column({ type: 'timestamptz', name: 'decided_at', default: () => 'now()' }) decidedAt!: Date;
}

/** A provider's objection against a decision (within the configured weeks); at most one open per request. */
@Entity({ name: 'accreditation_objections' })
@Unique('accreditation_objections_decision_id_key', ['decisionId'])
@Check('accreditation_objections_reason_check', `length(reason) BETWEEN 1 AND 5000`)
@Index('accreditation_objections_one_open', ['accreditationId'], { unique: true, where: `resolved_at IS NULL` })
export class AccreditationObjectionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'accreditation_objections_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'accreditation_id' }) accreditationId!: string;
  @ManyToOne(() => AccreditationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'accreditation_id', foreignKeyConstraintName: 'accreditation_objections_accreditation_id_fkey' })
  accreditation?: Relation<AccreditationEntity>;
  @Column({ type: 'uuid', name: 'decision_id' }) decisionId!: string;
  @ManyToOne(() => AccreditationDecisionEntity, { nullable: false })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'accreditation_objections_decision_id_fkey' })
  decision?: Relation<AccreditationDecisionEntity>;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'uuid', name: 'lodged_by' }) lodgedBy!: string;
  @ManyToOne(() => AccountEntity, { nullable: false })
  @JoinColumn({ name: 'lodged_by', foreignKeyConstraintName: 'accreditation_objections_lodged_by_fkey' })
  lodger?: Relation<AccountEntity>;
  @Column({ type: 'timestamptz', name: 'lodged_at', default: () => 'now()' }) lodgedAt!: Date;
  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  @Column({ type: 'uuid', name: 'resolution_decision_id', nullable: true }) resolutionDecisionId!: string | null;
  @ManyToOne(() => AccreditationDecisionEntity)
  @JoinColumn({ name: 'resolution_decision_id', foreignKeyConstraintName: 'accreditation_objections_resolution_decision_id_fkey' })
  resolutionDecision?: Relation<AccreditationDecisionEntity> | null;
}

/** A run of an accredited activity: planned with the request, or a repeat run within the term. */
@Entity({ name: 'accreditation_runs' })
@Check('accreditation_runs_place_check', `length(place) BETWEEN 1 AND 200`)
@Check('accreditation_runs_check', `ends_on >= starts_on`)
@Index('accreditation_runs_accreditation', ['accreditationId', 'startsOn'])
@Index('accreditation_runs_upcoming', ['startsOn'])
export class AccreditationRunEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'accreditation_runs_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'accreditation_id' }) accreditationId!: string;
  @ManyToOne(() => AccreditationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'accreditation_id', foreignKeyConstraintName: 'accreditation_runs_accreditation_id_fkey' })
  accreditation?: Relation<AccreditationEntity>;
  @Column({ type: 'date', name: 'starts_on' }) startsOn!: string;
  @Column({ type: 'date', name: 'ends_on' }) endsOn!: string;
  @Column({ type: 'text' }) place!: string;
  @Column({ type: 'boolean', default: false }) online!: boolean;
  @Column({ type: 'uuid', name: 'created_by', nullable: true }) createdBy!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'accreditation_runs_created_by_fkey' })
  creator?: Relation<AccountEntity> | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}

/** One attendance upload of a run (CSV or JSON, by a member or an API token) with its counts. */
@Entity({ name: 'attendance_uploads' })
@Check('attendance_uploads_format_check', `format IN ('csv', 'json')`)
@Check('attendance_uploads_file_name_check', `file_name IS NULL OR length(file_name) BETWEEN 1 AND 200`)
@Check('attendance_uploads_row_count_check', `row_count >= 0`)
@Check('attendance_uploads_check', `(uploaded_by IS NULL) <> (uploaded_by_token IS NULL)`)
@Index('attendance_uploads_run', ['runId', 'createdAt'])
export class AttendanceUploadEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'attendance_uploads_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'run_id' }) runId!: string;
  @ManyToOne(() => AccreditationRunEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'attendance_uploads_run_id_fkey' })
  run?: Relation<AccreditationRunEntity>;
  @Column({ type: 'text' }) format!: 'csv' | 'json';
  @Column({ type: 'text', name: 'file_name', nullable: true }) fileName!: string | null;
  @Column({ type: 'uuid', name: 'uploaded_by', nullable: true }) uploadedBy!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'attendance_uploads_uploaded_by_fkey' })
  uploader?: Relation<AccountEntity> | null;
  @Column({ type: 'uuid', name: 'uploaded_by_token', nullable: true }) uploadedByToken!: string | null;
  @ManyToOne(() => ApiTokenEntity)
  @JoinColumn({ name: 'uploaded_by_token', foreignKeyConstraintName: 'attendance_uploads_uploaded_by_token_fkey' })
  token?: Relation<ApiTokenEntity> | null;
  @Column({ type: 'int', name: 'row_count' }) rowCount!: number;
  @Column({ type: 'int', name: 'booked_count', default: 0 }) bookedCount!: number;
  @Column({ type: 'int', name: 'already_booked_count', default: 0 }) alreadyBookedCount!: number;
  @Column({ type: 'int', name: 'refused_count', default: 0 }) refusedCount!: number;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}

/** The outcome of one row of an upload, downloadable by the provider. */
@Entity({ name: 'attendance_upload_rows' })
@Check('attendance_upload_rows_row_number_check', `row_number > 0`)
@Check(
  'attendance_upload_rows_outcome_check',
  `outcome IN ('booked', 'already_booked', 'duplicate_in_upload', 'unknown_number', 'not_registered', 'invalid_row')`,
)
export class AttendanceUploadRowEntity {
  @PrimaryColumn({ type: 'uuid', name: 'upload_id', primaryKeyConstraintName: 'attendance_upload_rows_pkey' }) uploadId!: string;
  @ManyToOne(() => AttendanceUploadEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'upload_id', foreignKeyConstraintName: 'attendance_upload_rows_upload_id_fkey' })
  upload?: Relation<AttendanceUploadEntity>;
  @PrimaryColumn({ type: 'int', name: 'row_number', primaryKeyConstraintName: 'attendance_upload_rows_pkey' }) rowNumber!: number;
  @Column({ type: 'text' }) raw!: string;
  @Column({ type: 'text', name: 'registration_number', nullable: true }) registrationNumber!: string | null;
  @Column({ type: 'text' }) outcome!: AttendanceOutcome;
  @Column({ type: 'uuid', name: 'activity_id', nullable: true }) activityId!: string | null;
}
