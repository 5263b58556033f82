import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** Minimal personal data: names for the public register, an email for mail. No BSN, no birth date. */
@Entity({ name: 'persons' })
@Unique('persons_registration_number_key', ['registrationNumber'])
@Unique('persons_seed_key_key', ['seedKey'])
@Check('persons_given_names_check', `length(given_names) BETWEEN 1 AND 100`)
@Check('persons_name_prefix_check', `name_prefix IS NULL OR length(name_prefix) BETWEEN 1 AND 30`)
@Check('persons_family_name_check', `length(family_name) BETWEEN 1 AND 100`)
@Index('persons_sort_key', ['sortKey'])
// GIN over an expression (migration PublicListingFlag): TypeORM cannot express it, so it never touches it.
@Index('persons_public_search', { synchronize: false })
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'persons_pkey' }) id!: string;
  @Column({ type: 'text', name: 'given_names' }) givenNames!: string;
  @Column({ type: 'text', name: 'name_prefix', nullable: true }) namePrefix!: string | null;
  @Column({ type: 'text', name: 'family_name' }) familyName!: string;
  @Column({ type: 'text', name: 'search_text' }) searchText!: string;
  @Column({ type: 'text', name: 'sort_key' }) sortKey!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  /** Permanent and unique once assigned; a string, leading zeros included (sequence registration_number_seq). */
  @Column({ type: 'text', name: 'registration_number', nullable: true }) registrationNumber!: string | null;
  /** Identifies rows made by the demo/benchmark seed so seeding is idempotent. */
  @Column({ type: 'text', name: 'seed_key', nullable: true }) seedKey!: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  /** Kept by database triggers (migration PublicListingFlag); nothing in the application writes it. */
  @Column({ type: 'boolean', name: 'publicly_listed', default: false, insert: false, update: false }) publiclyListed!: boolean;
}
