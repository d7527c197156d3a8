import { uuidv7 } from '../../shared/ids.ts';

/**
 * The synced fields of an object created in this browser: a fresh time-ordered id; city, authors and version
 * are the server's to set when it first receives the object.
 */
export function newEnvelope(now: Date) {
  const at = now.toISOString();
  return {
    id: uuidv7(now.getTime()),
    cityId: null,
    createdAt: at,
    updatedAt: at,
    createdBy: null,
    updatedBy: null,
    deletedAt: null,
    version: 0,
  };
}
