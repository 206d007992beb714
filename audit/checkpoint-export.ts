import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { NewEvent } from '../platform/events/event-types.ts'
import type { AuditCheckpointEvent } from '../schemas/generated/types.ts'
import type { CheckpointRow } from './checkpoint-store.ts'

/**
 * Copies of each checkpoint outside the database it protects (docs/adr/0005-audit-checkpoints.md):
 * an `audit.checkpoint` event for systems that keep their own copy, and a `.jws` file in the audit
 * archive directory. Whoever rewrites the database can delete rows there, but not these copies.
 */

export const CHECKPOINT_TOPIC = 'audit-events'
export const CHECKPOINT_EVENT = 'audit.checkpoint'
/** One key for every checkpoint, so a subscriber receives them in the order they were signed. */
export const CHECKPOINT_EVENT_KEY = 'audit-checkpoints'
/** Under the audit archive directory, beside the monthly archives retention writes. */
export const CHECKPOINT_SUBDIR = 'checkpoints'

/** The event for one checkpoint; its payload is the checkpoint as the API lists it. */
export function checkpointEvent(checkpoint: AuditCheckpointEvent): NewEvent {
  return { topic: CHECKPOINT_TOPIC, key: CHECKPOINT_EVENT_KEY, type: CHECKPOINT_EVENT, payload: checkpoint }
}

/** `checkpoint-000000000042.jws`: zero-padded, so a directory listing is in signing order. */
export function checkpointFileName(id: number): string {
  return `checkpoint-${String(id).padStart(12, '0')}.jws`
}

/**
 * Writes the compact JWS, byte for byte, to `<archiveDir>/checkpoints/`: under a temporary name
 * first, then renamed, so a file with the final name is always whole. Returns the file's path.
 */
export async function writeCheckpointFile(archiveDir: string, row: CheckpointRow): Promise<string> {
  const dir = path.join(archiveDir, CHECKPOINT_SUBDIR)
  await mkdir(dir, { recursive: true })
  const target = path.join(dir, checkpointFileName(row.id))
  await writeFile(`${target}.partial`, row.jws, { mode: 0o644 })
  await rename(`${target}.partial`, target)
  return target
}
