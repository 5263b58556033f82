import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Minimal personal data: names for the public register, an email for mail. No BSN, no birth date. */
@Entity({ name: 'persons' })
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', name: 'given_names' }) givenNames!: string;
  @Column({ type: 'text', name: 'name_prefix', nullable: true }) namePrefix!: string | null;
  @Column({ type: 'text', name: 'family_name' }) familyName!: string;
  @Column({ type: 'text', name: 'search_text' }) searchText!: string;
  @Column({ type: 'text', name: 'sort_key' }) sortKey!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', name: 'registration_number', nullable: true }) registrationNumber!: string | null;
  @Column({ type: 'text', name: 'seed_key', nullable: true }) seedKey!: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
}
