import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { PersonEntity } from './person.entity.js';

export type CertificateStatus = 'pending' | 'rendered' | 'failed';

/** One row per certificate revision; the PDF is small (well under 200 KB) and kept with its row. */
@Entity({ name: 'certificates' })
@Unique('certificates_verification_code_key', ['verificationCode'])
@Unique('certificates_person_id_revision_key', ['personId', 'revision'])
@Check('certificates_revision_check', `revision > 0`)
@Check('certificates_verification_code_check', `verification_code ~ '^[A-Z2-9]{10}$'`)
@Check('certificates_status_check', `status IN ('pending', 'rendered', 'failed')`)
@Check('certificates_check', `(status = 'rendered') = (pdf IS NOT NULL)`)
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'certificates_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'person_id' }) personId!: string;
  @ManyToOne(() => PersonEntity, { nullable: false })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'certificates_person_id_fkey' })
  person?: Relation<PersonEntity>;
  @Column({ type: 'int' }) revision!: number;
  @Column({ type: 'text', name: 'verification_code' }) verificationCode!: string;
  /** What the certificate states, frozen at issue; validated by certificateSnapshotSchema where it is read. */
  @Column({ type: 'jsonb' }) snapshot!: unknown;
  @Column({ type: 'text', default: 'pending' }) status!: CertificateStatus;
  @Column({ type: 'bytea', nullable: true }) pdf!: Buffer | null;
  @Column({ type: 'text', name: 'pdf_sha256', nullable: true }) pdfSha256!: string | null;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ type: 'text', name: 'last_error', nullable: true }) lastError!: string | null;
  @Column({ type: 'date', name: 'issued_on' }) issuedOn!: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'rendered_at', nullable: true }) renderedAt!: Date | null;
}

/** A person whose certified facts may have changed; noted by database triggers, taken by the certificate sweep. */
@Entity({ name: 'certificate_refresh_requests' })
export class CertificateRefreshRequestEntity {
  @PrimaryColumn({ type: 'uuid', name: 'person_id', primaryKeyConstraintName: 'certificate_refresh_requests_pkey' }) personId!: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'certificate_refresh_requests_person_id_fkey' })
  person?: Relation<PersonEntity>;
  @Column({ type: 'timestamptz', name: 'requested_at', default: () => 'now()' }) requestedAt!: Date;
}
