import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { RegisterEntity } from './register.entity.js';

/** One competence of a register's competence profile (data, e.g. the ten Wmo competences); activities name them. */
@Entity({ name: 'competences' })
@Unique('competences_register_id_code_key', ['registerId', 'code'])
@Check('competences_code_check', `code ~ '^[a-z0-9-]{2,60}$'`)
@Check('competences_name_check', `length(name) BETWEEN 1 AND 200`)
@Check('competences_name_en_check', `length(name_en) BETWEEN 1 AND 200`)
export class CompetenceEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'competences_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'register_id' }) registerId!: string;
  @ManyToOne(() => RegisterEntity, { nullable: false })
  @JoinColumn({ name: 'register_id', foreignKeyConstraintName: 'competences_register_id_fkey' })
  register?: Relation<RegisterEntity>;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', name: 'name_en' }) nameEn!: string;
  @Column({ type: 'int', name: 'sort_order', default: 0 }) sortOrder!: number;
  /** Retired competences stay on the activities that named them but are no longer offered. */
  @Column({ type: 'timestamptz', name: 'retired_at', nullable: true }) retiredAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}
