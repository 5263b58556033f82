import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'measure_types' })
export class MeasureTypeEntity {
  @Column({ type: 'text', primary: true }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', name: 'name_en' }) nameEn!: string;
  @Column({ type: 'text', name: 'status_effect', nullable: true }) statusEffect!: string | null;
  @Column({ type: 'int', name: 'max_period_months', nullable: true }) maxPeriodMonths!: number | null;
  /** Validated by publicationRuleSchema where it is read. */
  @Column({ type: 'jsonb' }) publication!: unknown;
}

/** A reference to a decision of the competent tucht body; never the decision itself. */
@Entity({ name: 'measures' })
export class MeasureEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'person_id' }) personId!: string;
  @Column({ type: 'text', name: 'measure_type' }) measureType!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'text', name: 'case_reference' }) caseReference!: string;
  @Column({ type: 'date', name: 'decision_date' }) decisionDate!: string;
  @Column({ type: 'boolean' }) final!: boolean;
  @Column({ type: 'boolean', name: 'appeal_lodged' }) appealLodged!: boolean;
  @Column({ type: 'boolean', name: 'publication_ordered' }) publicationOrdered!: boolean;
  @Column({ type: 'date', name: 'starts_on', nullable: true }) startsOn!: string | null;
  @Column({ type: 'date', name: 'ends_on', nullable: true }) endsOn!: string | null;
  @Column({ type: 'uuid', name: 'recorded_by', nullable: true }) recordedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}
