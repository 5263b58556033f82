import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { AccountEntity } from './account.entity.js';

export type OrganisationKind = 'provider' | 'employer' | 'municipality';

@Entity({ name: 'organisations' })
@Unique('organisations_kind_name_key', ['kind', 'name'])
@Unique('organisations_seed_key_key', ['seedKey'])
@Check('organisations_kind_check', `kind IN ('provider', 'employer', 'municipality')`)
@Check('organisations_kvk_number_check', `kvk_number IS NULL OR kvk_number ~ '^[0-9]{8}$'`)
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organisations_pkey' }) id!: string;
  @Column({ type: 'text' }) kind!: OrganisationKind;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', name: 'kvk_number', nullable: true }) kvkNumber!: string | null;
  @Column({ type: 'timestamptz', name: 'authorised_at', nullable: true }) authorisedAt!: Date | null;
  @Column({ type: 'text', name: 'seed_key', nullable: true }) seedKey!: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}

@Entity({ name: 'organisation_members' })
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
}
