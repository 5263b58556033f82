import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import type { Answers } from '../../domain/application.js';
import type { RegistrationStatus, TransitionRule } from '../../domain/lifecycle.js';
import { AccountEntity } from './account.entity.js';
import { PersonEntity } from './person.entity.js';
import { VariantEntity } from './variant.entity.js';

export type LifecycleActor = TransitionRule['actor'];

/** The lifecycle's statuses as register data: which are public (and as what), which count as registered. */
@Entity({ name: 'registration_statuses' })
export class RegistrationStatusEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'registration_statuses_pkey' }) code!: RegistrationStatus;
  /** Whether this status appears in the public register at all, and as which public status. */
  @Column({ type: 'text', name: 'public_status', nullable: true }) publicStatus!: string | null;
  @Column({ type: 'boolean', name: 'counts_as_registered' }) countsAsRegistered!: boolean;
  @Column({ type: 'int', name: 'sort_order' }) sortOrder!: number;
}

/** The lifecycle's transition table: the allowed edges, who may take them, and whether they need a reason. */
@Entity({ name: 'registration_transitions' })
@Check('registration_transitions_actor_check', `actor IN ('registrant', 'staff', 'system')`)
export class RegistrationTransitionEntity {
  @PrimaryColumn({ type: 'text', name: 'from_status', primaryKeyConstraintName: 'registration_transitions_pkey' }) fromStatus!: RegistrationStatus;
  @ManyToOne(() => RegistrationStatusEntity, { nullable: false })
  @JoinColumn({ name: 'from_status', referencedColumnName: 'code', foreignKeyConstraintName: 'registration_transitions_from_status_fkey' })
  from?: Relation<RegistrationStatusEntity>;
  @PrimaryColumn({ type: 'text', name: 'to_status', primaryKeyConstraintName: 'registration_transitions_pkey' }) toStatus!: RegistrationStatus;
  @ManyToOne(() => RegistrationStatusEntity, { nullable: false })
  @JoinColumn({ name: 'to_status', referencedColumnName: 'code', foreignKeyConstraintName: 'registration_transitions_to_status_fkey' })
  to?: Relation<RegistrationStatusEntity>;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'registration_transitions_pkey' }) actor!: LifecycleActor;
  @Column({ type: 'boolean', name: 'requires_reason' }) requiresReason!: boolean;
}

/**
 * An application or registration of a person for a variant. Its status changes only through the transition
 * function (registrations.repository.ts transitionRegistration). Database triggers (migrations PublicListingFlag
 * and CertificateRefreshRequests) keep persons.publicly_listed and certificate_refresh_requests true to it.
 */
@Entity({ name: 'registrations' })
@Check('registrations_check', `(cycle_starts_on IS NULL) = (cycle_ends_on IS NULL) AND (cycle_ends_on IS NULL) = (cycle_deadline IS NULL)`)
@Check('registrations_check1', `cycle_ends_on IS NULL OR cycle_ends_on > cycle_starts_on`)
// One live registration per person and variant; rejected and withdrawn ones may be followed by a new application.
@Index('registrations_one_live_per_variant', ['personId', 'variantId'], { unique: true, where: `status NOT IN ('rejected', 'withdrawn')` })
@Index('registrations_person', ['personId'])
@Index('registrations_status', ['status', 'statusChangedAt'])
@Index('registrations_queue', ['status', 'submittedAt'], { where: `status IN ('submitted', 'in_review')` })
@Index('registrations_concepts', ['statusChangedAt'], { where: `status = 'concept'` })
// (person_id) INCLUDE (variant_id, status) WHERE public_consent: TypeORM cannot express INCLUDE.
@Index('registrations_public_listing', { synchronize: false })
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'registrations_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'person_id' }) personId!: string;
  @ManyToOne(() => PersonEntity, { nullable: false })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'registrations_person_id_fkey' })
  person?: Relation<PersonEntity>;
  @Column({ type: 'uuid', name: 'variant_id' }) variantId!: string;
  @ManyToOne(() => VariantEntity, { nullable: false })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'registrations_variant_id_fkey' })
  variant?: Relation<VariantEntity>;
  /** A specialist registration hangs under the person's generalist registration and shares its cycle. */
  @Column({ type: 'uuid', name: 'parent_registration_id', nullable: true }) parentRegistrationId!: string | null;
  @ManyToOne(() => RegistrationEntity)
  @JoinColumn({ name: 'parent_registration_id', foreignKeyConstraintName: 'registrations_parent_registration_id_fkey' })
  parentRegistration?: Relation<RegistrationEntity> | null;
  @Column({ type: 'text' }) status!: RegistrationStatus;
  @ManyToOne(() => RegistrationStatusEntity, { nullable: false })
  @JoinColumn({ name: 'status', referencedColumnName: 'code', foreignKeyConstraintName: 'registrations_status_fkey' })
  statusRow?: Relation<RegistrationStatusEntity>;
  @Column({ type: 'boolean', name: 'public_consent', default: false }) publicConsent!: boolean;
  @Column({ type: 'date', name: 'registered_on', nullable: true }) registeredOn!: string | null;
  @Column({ type: 'date', name: 'cycle_starts_on', nullable: true }) cycleStartsOn!: string | null;
  @Column({ type: 'date', name: 'cycle_ends_on', nullable: true }) cycleEndsOn!: string | null;
  @Column({ type: 'date', name: 'cycle_deadline', nullable: true }) cycleDeadline!: string | null;
  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true }) submittedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'status_changed_at', default: () => 'now()' }) statusChangedAt!: Date;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  /** The application's answers (diploma, VOG date, declarations, specialist requirements), validated per variant. */
  @Column({ type: 'jsonb', default: {} }) application!: Answers;
  /** The latest open question from staff ("more information needed"), shown to the registrant. */
  @Column({ type: 'text', name: 'staff_question', nullable: true }) staffQuestion!: string | null;
  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'uuid', name: 'decided_by', nullable: true }) decidedBy!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'registrations_decided_by_fkey' })
  decider?: Relation<AccountEntity> | null;
  @Column({ type: 'timestamptz', name: 'concept_warning_sent_at', nullable: true }) conceptWarningSentAt!: Date | null;
}

/** The audit row of every lifecycle transition: who, when, from, to, why. */
@Entity({ name: 'registration_status_changes' })
@Check('registration_status_changes_actor_kind_check', `actor_kind IN ('registrant', 'staff', 'system')`)
@Index('registration_status_changes_registration', ['registrationId', 'occurredAt'])
export class RegistrationStatusChangeEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'registration_status_changes_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'registration_id' }) registrationId!: string;
  @ManyToOne(() => RegistrationEntity, { nullable: false })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'registration_status_changes_registration_id_fkey' })
  registration?: Relation<RegistrationEntity>;
  @Column({ type: 'text', name: 'from_status', nullable: true }) fromStatus!: RegistrationStatus | null;
  @ManyToOne(() => RegistrationStatusEntity)
  @JoinColumn({ name: 'from_status', referencedColumnName: 'code', foreignKeyConstraintName: 'registration_status_changes_from_status_fkey' })
  from?: Relation<RegistrationStatusEntity> | null;
  @Column({ type: 'text', name: 'to_status' }) toStatus!: RegistrationStatus;
  @ManyToOne(() => RegistrationStatusEntity, { nullable: false })
  @JoinColumn({ name: 'to_status', referencedColumnName: 'code', foreignKeyConstraintName: 'registration_status_changes_to_status_fkey' })
  to?: Relation<RegistrationStatusEntity>;
  @Column({ type: 'text', name: 'actor_kind' }) actorKind!: LifecycleActor;
  @Column({ type: 'uuid', name: 'actor_account_id', nullable: true }) actorAccountId!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'actor_account_id', foreignKeyConstraintName: 'registration_status_changes_actor_account_id_fkey' })
  actorAccount?: Relation<AccountEntity> | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'timestamptz', name: 'occurred_at', default: () => 'now()' }) occurredAt!: Date;
}
