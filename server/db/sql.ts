import type { DataSource, EntityManager } from 'typeorm';

/**
 * Raw SQL that always yields the rows. TypeORM's postgres driver returns `[rows, rowCount]` for UPDATE and
 * DELETE (even with RETURNING) but plain rows for everything else; callers should not have to know which.
 */
export async function rows<T>(db: DataSource | EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await db.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
