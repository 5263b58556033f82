import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { RegisterEntity } from './register.entity.js';

export type VariantKind = 'generalist' | 'specialist';

/** A variant of a register: the generalist base or a specialisation hanging under it. */
@Entity({ name: 'variants' })
@Unique('variants_register_id_code_key', ['registerId', 'code'])
@Check('variants_code_check', `code ~ '^[a-z0-9-]{2,40}$'`)
@Check('variants_kind_check', `kind IN ('generalist', 'specialist')`)
@Check('variants_check', `(kind = 'generalist') = (parent_variant_id IS NULL)`)
export class VariantEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'variants_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'register_id' }) registerId!: string;
  @ManyToOne(() => RegisterEntity, { nullable: false })
  @JoinColumn({ name: 'register_id', foreignKeyConstraintName: 'variants_register_id_fkey' })
  register?: Relation<RegisterEntity>;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', name: 'name_en' }) nameEn!: string;
  @Column({ type: 'text' }) kind!: VariantKind;
  @Column({ type: 'uuid', name: 'parent_variant_id', nullable: true }) parentVariantId!: string | null;
  @ManyToOne(() => VariantEntity)
  @JoinColumn({ name: 'parent_variant_id', foreignKeyConstraintName: 'variants_parent_variant_id_fkey' })
  parentVariant?: Relation<VariantEntity> | null;
  /** Validated by the norm schema where it is read. */
  @Column({ type: 'jsonb' }) norm!: unknown;
  /** Validated by entryCriteriaSchema where it is read. */
  @Column({ type: 'jsonb', name: 'entry_criteria' }) entryCriteria!: unknown;
  @Column({ type: 'int', name: 'sort_order', default: 0 }) sortOrder!: number;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}
