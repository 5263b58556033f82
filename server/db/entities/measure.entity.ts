import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { AccountEntity } from './account.entity.js';
import { PersonEntity } from './person.entity.js';
import { RegistrationStatusEntity } from './registration.entity.js';

@Entity({ name: 'measure_types' })
export class MeasureTypeEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'measure_types_pkey' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', name: 'name_en' }) nameEn!: string;
  @Column({ type: 'text', name: 'status_effect', nullable: true }) statusEffect!: string | null;
  @ManyToOne(() => RegistrationStatusEntity)
  @JoinColumn({ name: 'status_effect', referencedColumnName: 'code', foreignKeyConstraintName: 'measure_types_status_effect_fkey' })
  statusEffectRow?: Relation<RegistrationStatusEntity> | null;
  @Column({ type: 'int', name: 'max_period_months', nullable: true }) maxPeriodMonths!: number | null;
  /** Validated by publicationRuleSchema where it is read. */
  @Column({ type: 'jsonb' }) publication!: unknown;
}

/** A reference to a decision of the competent tucht body; never the decision itself. */
@Entity({ name: 'measures' })
@Unique('measures_body_case_reference_person_id_key', ['body', 'caseReference', 'personId'])
@Check('measures_check', `ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on`)
@Index('measures_person', ['personId'])
export class MeasureEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'measures_pkey' }) id!: string;
  @Column({ type: 'uuid', name: 'person_id' }) personId!: string;
  @ManyToOne(() => PersonEntity, { nullable: false })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'measures_person_id_fkey' })
  person?: Relation<PersonEntity>;
  @Column({ type: 'text', name: 'measure_type' }) measureType!: string;
  @ManyToOne(() => MeasureTypeEntity, { nullable: false })
  @JoinColumn({ name: 'measure_type', referencedColumnName: 'code', foreignKeyConstraintName: 'measures_measure_type_fkey' })
  type?: Relation<MeasureTypeEntity>;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'text', name: 'case_reference' }) caseReference!: string;
  @Column({ type: 'date', name: 'decision_date' }) decisionDate!: string;
  @Column({ type: 'boolean' }) final!: boolean;
  @Column({ type: 'boolean', name: 'appeal_lodged', default: false }) appealLodged!: boolean;
  @Column({ type: 'boolean', name: 'publication_ordered', default: false }) publicationOrdered!: boolean;
  @Column({ type: 'date', name: 'starts_on', nullable: true }) startsOn!: string | null;
  @Column({ type: 'date', name: 'ends_on', nullable: true }) endsOn!: string | null;
  @Column({ type: 'uuid', name: 'recorded_by', nullable: true }) recordedBy!: string | null;
  @ManyToOne(() => AccountEntity)
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'measures_recorded_by_fkey' })
  recorder?: Relation<AccountEntity> | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}
