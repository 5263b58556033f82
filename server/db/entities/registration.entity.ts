import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RegistrationStatus } from '../../domain/lifecycle.js';

@Entity({ name: 'registrations' })
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'person_id' }) personId!: string;
  @Column({ type: 'uuid', name: 'variant_id' }) variantId!: string;
  @Column({ type: 'uuid', name: 'parent_registration_id', nullable: true }) parentRegistrationId!: string | null;
  /** Changed only through the transition function (registrations.repository.ts transition()). */
  @Column({ type: 'text' }) status!: RegistrationStatus;
  @Column({ type: 'boolean', name: 'public_consent' }) publicConsent!: boolean;
  @Column({ type: 'date', name: 'registered_on', nullable: true }) registeredOn!: string | null;
  @Column({ type: 'date', name: 'cycle_starts_on', nullable: true }) cycleStartsOn!: string | null;
  @Column({ type: 'date', name: 'cycle_ends_on', nullable: true }) cycleEndsOn!: string | null;
  @Column({ type: 'date', name: 'cycle_deadline', nullable: true }) cycleDeadline!: string | null;
  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true }) submittedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'status_changed_at' }) statusChangedAt!: Date;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
}

@Entity({ name: 'registration_status_changes' })
export class RegistrationStatusChangeEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Column({ type: 'uuid', name: 'registration_id' }) registrationId!: string;
  @Column({ type: 'text', name: 'from_status', nullable: true }) fromStatus!: RegistrationStatus | null;
  @Column({ type: 'text', name: 'to_status' }) toStatus!: RegistrationStatus;
  @Column({ type: 'text', name: 'actor_kind' }) actorKind!: 'registrant' | 'staff' | 'system';
  @Column({ type: 'uuid', name: 'actor_account_id', nullable: true }) actorAccountId!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'timestamptz', name: 'occurred_at', default: () => 'now()' }) occurredAt!: Date;
}

@Entity({ name: 'registration_transitions' })
export class RegistrationTransitionEntity {
  @Column({ type: 'text', name: 'from_status', primary: true }) fromStatus!: RegistrationStatus;
  @Column({ type: 'text', name: 'to_status', primary: true }) toStatus!: RegistrationStatus;
  @Column({ type: 'text', primary: true }) actor!: 'registrant' | 'staff' | 'system';
  @Column({ type: 'boolean', name: 'requires_reason' }) requiresReason!: boolean;
}
