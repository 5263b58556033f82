import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { EvidenceContentType } from '../../domain/evidence.js';
import { AccountEntity } from './account.entity.js';
import { RegistrationEntity } from './registration.entity.js';

/** An uploaded document of an application; the file itself lives in the evidence store, named by id only. */
@Entity({ name: 'evidence_files' })
@Check('evidence_files_kind_check', `kind ~ '^[a-z0-9-]{2,40}$'`)
@Check('evidence_files_original_name_check', `length(original_name) BETWEEN 1 AND 200`)
@Check('evidence_files_content_type_check', `content_type IN ('application/pdf', 'image/jpeg', 'image/png')`)
@Check('evidence_files_size_bytes_check', `size_bytes > 0`)
@Index('evidence_files_registration', ['registrationId'])
export class EvidenceFileEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'evidence_files_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'registration_id' }) registrationId!: string;
  @ManyToOne(() => RegistrationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'evidence_files_registration_id_fkey' })
  registration?: Relation<RegistrationEntity>;
  /** diploma, vog, evc-certificate, or the code of a variant requirement */
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text', name: 'original_name' }) originalName!: string;
  @Column({ type: 'text', name: 'content_type' }) contentType!: EvidenceContentType;
  @Column({ type: 'int', name: 'size_bytes' }) sizeBytes!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'uuid', name: 'uploaded_by', nullable: true }) uploadedBy!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'evidence_files_uploaded_by_fkey' })
  uploader?: Relation<AccountEntity> | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}
