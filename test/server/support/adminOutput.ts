import { runAdmin } from '../../../src/server/admin/runAdmin.ts';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';

/** Runs one admin command and gives back what it printed, and the error it stopped with, if any. */
export async function adminOutput(database: DatabaseHandle, argv: string[]): Promise<{ lines: string[]; error?: Error }> {
  const lines: string[] = [];
  try {
    await runAdmin(argv, database, { log: (line) => lines.push(line) });
    return { lines };
  } catch (error) {
    return { lines, error: error as Error };
  }
}
