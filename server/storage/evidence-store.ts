import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Evidence files on disk, outside any public path, named by their database id only (no personal data in
 * file names). Writes go to a temporary name first so a crash never leaves half a file under a real id.
 */
export class EvidenceStore {
  constructor(private readonly dir: string) {}

  private pathFor(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('invalid evidence id');
    return path.join(this.dir, id.slice(0, 2), id);
  }

  async put(id: string, content: Buffer): Promise<void> {
    const target = this.pathFor(id);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, content, { mode: 0o600 });
    await rename(temp, target);
  }

  /**
   * Store a new file under a fresh id, then record it (the database row, in its transaction). When recording fails,
   * the file is removed again: nothing half-done, no row without a file nor a file without a row.
   */
  async keep<T>(content: Buffer, record: (id: string) => Promise<T>): Promise<T> {
    const id = randomUUID();
    await this.put(id, content);
    try {
      return await record(id);
    } catch (err) {
      await this.remove(id);
      throw err;
    }
  }

  open(id: string): ReadStream {
    return createReadStream(this.pathFor(id));
  }

  async remove(id: string): Promise<void> {
    await rm(this.pathFor(id), { force: true });
  }
}
