import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { AccountEntity } from './account.entity.js';

/** Every staff decision and every access to a dossier by staff. */
@Entity({ name: 'audit_events' })
@Index('audit_events_subject', ['subjectType', 'subjectId', 'occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'audit_events_pkey' }) id!: string;
  @Column({ type: 'timestamptz', name: 'occurred_at', default: () => 'now()' }) occurredAt!: Date;
  @Column({ type: 'uuid', name: 'actor_account_id', nullable: true }) actorAccountId!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'actor_account_id', foreignKeyConstraintName: 'audit_events_actor_account_id_fkey' })
  actorAccount?: Relation<AccountEntity> | null;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text', name: 'subject_type' }) subjectType!: string;
  @Column({ type: 'text', name: 'subject_id' }) subjectId!: string;
  @Column({ type: 'jsonb', default: {} }) details!: Record<string, unknown>;
  @Column({ type: 'text', name: 'request_id', nullable: true }) requestId!: string | null;
}
