import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { PersonEntity } from './person.entity.js';

import type { Role } from '../../contract/accounts.js';

/** A login: the OIDC issuer + subject. Roles are ours (account_roles), never taken from the token. */
@Entity({ name: 'accounts' })
@Unique('accounts_issuer_subject_key', ['issuer', 'subject'])
@Index('accounts_person_unique', ['personId'], { unique: true, where: 'person_id IS NOT NULL' })
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'accounts_pkey' }) id!: string;
  @Column({ type: 'text' }) issuer!: string;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text', name: 'display_name' }) displayName!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'uuid', name: 'person_id', nullable: true }) personId!: string | null;
  @ManyToOne(() => PersonEntity)
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'accounts_person_id_fkey' })
  person?: Relation<PersonEntity> | null;
  @Column({ type: 'timestamptz', name: 'first_login_at', nullable: true }) firstLoginAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'last_login_at', nullable: true }) lastLoginAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @OneToMany(() => AccountRoleEntity, (r) => r.account)
  roles?: Array<Relation<AccountRoleEntity>>;
}

@Entity({ name: 'account_roles' })
@Check('account_roles_role_check', `role IN ('registrant', 'provider', 'employer', 'staff', 'municipality')`)
export class AccountRoleEntity {
  @PrimaryColumn({ type: 'uuid', name: 'account_id', primaryKeyConstraintName: 'account_roles_pkey' }) accountId!: string;
  @ManyToOne(() => AccountEntity, (a) => a.roles, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'account_roles_account_id_fkey' })
  account?: Relation<AccountEntity>;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'account_roles_pkey' }) role!: Role;
  @CreateDateColumn({ type: 'timestamptz', name: 'granted_at' }) grantedAt!: Date;
}
