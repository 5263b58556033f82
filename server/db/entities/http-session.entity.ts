import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The session store's table, in connect-pg-simple's layout (which reads and writes it); sessions survive restarts. */
@Entity({ name: 'http_sessions' })
@Index('http_sessions_expire', ['expire'])
export class HttpSessionEntity {
  @PrimaryColumn({ type: 'varchar', primaryKeyConstraintName: 'http_sessions_pkey' }) sid!: string;
  @Column({ type: 'json' }) sess!: unknown;
  @Column({ type: 'timestamp', precision: 6 }) expire!: Date;
}
