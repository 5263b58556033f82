import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { AccountEntity } from './account.entity.js';

export type EmailStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** Outgoing mail: one row per message, deduplicated by key; the worker claims, sends after commit, marks sent. */
@Entity({ name: 'email_outbox' })
@Unique('email_outbox_dedupe_key_key', ['dedupeKey'])
@Check('email_outbox_locale_check', `locale IN ('nl', 'en')`)
@Check('email_outbox_status_check', `status IN ('pending', 'sending', 'sent', 'failed')`)
@Index('email_outbox_pending', ['createdAt'], { where: `status IN ('pending', 'sending')` })
export class EmailOutboxEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'email_outbox_pkey' }) id!: string;
  @Column({ type: 'text', name: 'dedupe_key' }) dedupeKey!: string;
  @Column({ type: 'text' }) template!: string;
  @Column({ type: 'text', name: 'to_address' }) toAddress!: string;
  @Column({ type: 'text', default: 'nl' }) locale!: 'nl' | 'en';
  @Column({ type: 'uuid', name: 'account_id', nullable: true }) accountId!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'email_outbox_account_id_fkey' })
  account?: Relation<AccountEntity> | null;
  @Column({ type: 'text', default: 'pending' }) status!: EmailStatus;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ type: 'text', name: 'last_error', nullable: true }) lastError!: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'claimed_at', nullable: true }) claimedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true }) sentAt!: Date | null;
  /** What a mail says beyond the account (variant, reason, question): kept with the row, never in the job. */
  @Column({ type: 'jsonb', default: {} }) params!: Record<string, string | number | null>;
}
