import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'variants' })
export class VariantEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'register_id' }) registerId!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', name: 'name_en' }) nameEn!: string;
  @Column({ type: 'text' }) kind!: 'generalist' | 'specialist';
  @Column({ type: 'uuid', name: 'parent_variant_id', nullable: true }) parentVariantId!: string | null;
  @Column({ type: 'jsonb' }) norm!: unknown;
  @Column({ type: 'jsonb', name: 'entry_criteria' }) entryCriteria!: unknown;
  @Column({ type: 'int', name: 'sort_order' }) sortOrder!: number;
}
