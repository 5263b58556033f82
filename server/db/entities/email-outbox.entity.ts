import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type EmailStatus = 'pending' | 'sending' | 'sent' | 'failed';

@Entity({ name: 'email_outbox' })
export class EmailOutboxEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', name: 'dedupe_key' }) dedupeKey!: string;
  @Column({ type: 'text' }) template!: string;
  @Column({ type: 'text', name: 'to_address' }) toAddress!: string;
  @Column({ type: 'text' }) locale!: 'nl' | 'en';
  @Column({ type: 'uuid', name: 'account_id', nullable: true }) accountId!: string | null;
  @Column({ type: 'text' }) status!: EmailStatus;
  @Column({ type: 'int' }) attempts!: number;
  @Column({ type: 'text', name: 'last_error', nullable: true }) lastError!: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'claimed_at', nullable: true }) claimedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true }) sentAt!: Date | null;
}
