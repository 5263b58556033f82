import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { AccountEntity } from './account.entity.js';

export type OrganisationKind = 'provider' | 'employer' | 'municipality';
export type OrganisationStatus = 'pending' | 'authorised' | 'refused';
export type OrganisationRole = 'admin' | 'member';

@Entity({ name: 'organisations' })
@Unique('organisations_kind_name_key', ['kind', 'name'])
@Unique('organisations_seed_key_key', ['seedKey'])
@Check('organisations_kind_check', `kind IN ('provider', 'employer', 'municipality')`)
@Check('organisations_kvk_number_check', `kvk_number IS NULL OR kvk_number ~ '^[0-9]{8}$'`)
@Check('organisations_status_check', `status IN ('pending', 'authorised', 'refused')`)
@Check('organisations_status_authorised', `(status = 'authorised') = (authorised_at IS NOT NULL)`)
@Check('organisations_contact_name_check', `contact_name IS NULL OR length(contact_name) BETWEEN 1 AND 200`)
@Check('organisations_contact_email_check', `contact_email IS NULL OR length(contact_email) BETWEEN 3 AND 254`)
@Check('organisations_phone_check', `phone IS NULL OR length(phone) BETWEEN 3 AND 40`)
@Check('organisations_website_check', `website IS NULL OR length(website) BETWEEN 3 AND 300`)
@Check('organisations_city_check', `city IS NULL OR length(city) BETWEEN 1 AND 100`)
@Check('organisations_refusal_reason_check', `refusal_reason IS NULL OR length(refusal_reason) BETWEEN 1 AND 2000`)
@Index('organisations_pending', ['requestedAt'], { where: `status = 'pending'` })
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organisations_pkey' }) id!: string;
  @Column({ type: 'text' }) kind!: OrganisationKind;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', name: 'kvk_number', nullable: true }) kvkNumber!: string | null;
  @Column({ type: 'timestamptz', name: 'authorised_at', nullable: true }) authorisedAt!: Date | null;
  @Column({ type: 'text', name: 'seed_key', nullable: true }) seedKey!: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  /** Staff authorise an organisation before it can act (a provider submit requests, …). */
  @Column({ type: 'text', default: 'pending' }) status!: OrganisationStatus;
  @Column({ type: 'text', name: 'contact_name', nullable: true }) contactName!: string | null;
  @Column({ type: 'text', name: 'contact_email', nullable: true }) contactEmail!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text', nullable: true }) website!: string | null;
  @Column({ type: 'text', nullable: true }) city!: string | null;
  @Column({ type: 'uuid', name: 'requested_by', nullable: true }) requestedBy!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'organisations_requested_by_fkey' })
  requester?: Relation<AccountEntity> | null;
  @Column({ type: 'timestamptz', name: 'requested_at', nullable: true }) requestedAt!: Date | null;
  @Column({ type: 'uuid', name: 'decided_by', nullable: true }) decidedBy!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'organisations_decided_by_fkey' })
  decider?: Relation<AccountEntity> | null;
  @Column({ type: 'text', name: 'refusal_reason', nullable: true }) refusalReason!: string | null;
  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true }) decidedAt!: Date | null;
}

@Entity({ name: 'organisation_members' })
@Check('organisation_members_role_check', `role IN ('admin', 'member')`)
@Index('organisation_members_account', ['accountId'])
export class OrganisationMemberEntity {
  @PrimaryColumn({ type: 'uuid', name: 'organisation_id', primaryKeyConstraintName: 'organisation_members_pkey' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'organisation_members_organisation_id_fkey' })
  organisation?: Relation<OrganisationEntity>;
  @PrimaryColumn({ type: 'uuid', name: 'account_id', primaryKeyConstraintName: 'organisation_members_pkey' }) accountId!: string;
  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'organisation_members_account_id_fkey' })
  account?: Relation<AccountEntity>;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  /** Admins invite members and manage API tokens. */
  @Column({ type: 'text', default: 'member' }) role!: OrganisationRole;
}

/** An admin's invitation by e-mail; the link's secret is kept only as a hash. */
@Entity({ name: 'organisation_invitations' })
@Unique('organisation_invitations_token_hash_key', ['tokenHash'])
@Check('organisation_invitations_email_check', `length(email) BETWEEN 3 AND 254 AND email = lower(email)`)
@Check('organisation_invitations_role_check', `role IN ('admin', 'member')`)
@Check('organisation_invitations_check', `expires_at > created_at`)
@Check('organisation_invitations_check1', `(accepted_at IS NULL) = (accepted_by IS NULL)`)
@Index('organisation_invitations_one_open', ['organisationId', 'email'], { unique: true, where: `accepted_at IS NULL AND revoked_at IS NULL` })
export class OrganisationInvitationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organisation_invitations_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'organisation_id' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'organisation_invitations_organisation_id_fkey' })
  organisation?: Relation<OrganisationEntity>;
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text' }) role!: OrganisationRole;
  @Column({ type: 'text', name: 'token_hash' }) tokenHash!: string;
  @Column({ type: 'uuid', name: 'invited_by' }) invitedBy!: string;
  @ManyToOne(() => AccountEntity, { nullable: false })
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'organisation_invitations_invited_by_fkey' })
  inviter?: Relation<AccountEntity>;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'expires_at' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', name: 'accepted_at', nullable: true }) acceptedAt!: Date | null;
  @Column({ type: 'uuid', name: 'accepted_by', nullable: true }) acceptedBy!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'accepted_by', foreignKeyConstraintName: 'organisation_invitations_accepted_by_fkey' })
  acceptor?: Relation<AccountEntity> | null;
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
}

/** An organisation's API token (any organisation kind): shown once, kept as a SHA-256 hash, named, revocable. */
@Entity({ name: 'api_tokens' })
@Unique('api_tokens_token_hash_key', ['tokenHash'])
@Check('api_tokens_name_check', `length(name) BETWEEN 1 AND 100`)
@Check('api_tokens_token_prefix_check', `length(token_prefix) BETWEEN 4 AND 16`)
@Check('api_tokens_token_hash_check', `token_hash ~ '^[0-9a-f]{64}$'`)
@Check('api_tokens_check', `(revoked_at IS NULL) = (revoked_by IS NULL)`)
@Index('api_tokens_active_name', ['organisationId', 'name'], { unique: true, where: `revoked_at IS NULL` })
export class ApiTokenEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'api_tokens_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'organisation_id' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'api_tokens_organisation_id_fkey' })
  organisation?: Relation<OrganisationEntity>;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', name: 'token_prefix' }) tokenPrefix!: string;
  @Column({ type: 'text', name: 'token_hash' }) tokenHash!: string;
  @Column({ type: 'uuid', name: 'created_by' }) createdBy!: string;
  @ManyToOne(() => AccountEntity, { nullable: false })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'api_tokens_created_by_fkey' })
  creator?: Relation<AccountEntity>;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true }) lastUsedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'uuid', name: 'revoked_by', nullable: true }) revokedBy!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'revoked_by', foreignKeyConstraintName: 'api_tokens_revoked_by_fkey' })
  revoker?: Relation<AccountEntity> | null;
}
