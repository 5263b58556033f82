import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['registrant', 'provider', 'employer', 'staff', 'municipality'] as const;
export type Role = (typeof ROLES)[number];

/** A login: the OIDC issuer + subject. Roles are ours (account_roles), never taken from the token. */
@Entity({ name: 'accounts' })
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) issuer!: string;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text', name: 'display_name' }) displayName!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'uuid', name: 'person_id', nullable: true }) personId!: string | null;
  @Column({ type: 'timestamptz', name: 'first_login_at', nullable: true }) firstLoginAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'last_login_at', nullable: true }) lastLoginAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}

@Entity({ name: 'account_roles' })
export class AccountRoleEntity {
  @Column({ type: 'uuid', name: 'account_id', primary: true }) accountId!: string;
  @Column({ type: 'text', primary: true }) role!: Role;
  @CreateDateColumn({ type: 'timestamptz', name: 'granted_at' }) grantedAt!: Date;
}
