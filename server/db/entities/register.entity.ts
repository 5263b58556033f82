import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A register (the Huis van de sociaal werker has one); its rules live in `settings` as data. */
@Entity({ name: 'registers' })
@Unique('registers_code_key', ['code'])
@Check('registers_code_check', `code ~ '^[a-z0-9-]{2,40}$'`)
export class RegisterEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'registers_pkey' }) id!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  /** Validated by registerSettingsSchema where it is read. */
  @Column({ type: 'jsonb' }) settings!: unknown;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}
