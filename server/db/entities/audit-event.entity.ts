import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'audit_events' })
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Column({ type: 'timestamptz', name: 'occurred_at', default: () => 'now()' }) occurredAt!: Date;
  @Column({ type: 'uuid', name: 'actor_account_id', nullable: true }) actorAccountId!: string | null;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text', name: 'subject_type' }) subjectType!: string;
  @Column({ type: 'text', name: 'subject_id' }) subjectId!: string;
  @Column({ type: 'jsonb' }) details!: Record<string, unknown>;
  @Column({ type: 'text', name: 'request_id', nullable: true }) requestId!: string | null;
}
