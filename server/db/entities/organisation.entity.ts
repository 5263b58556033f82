import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'organisations' })
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: 'provider' | 'employer' | 'municipality';
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', name: 'kvk_number', nullable: true }) kvkNumber!: string | null;
  @Column({ type: 'timestamptz', name: 'authorised_at', nullable: true }) authorisedAt!: Date | null;
  @Column({ type: 'text', name: 'seed_key', nullable: true }) seedKey!: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}

@Entity({ name: 'organisation_members' })
export class OrganisationMemberEntity {
  @Column({ type: 'uuid', name: 'organisation_id', primary: true }) organisationId!: string;
  @Column({ type: 'uuid', name: 'account_id', primary: true }) accountId!: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}
