// The city's own glossary terms (/api/glossary): labels in the city's language for the built-in ICC
// concepts, and the city's own terms. Read for the translation view's hints and the Glossary view; written
// (create-or-replace by id, delete) by coordinators and contributors from the Glossary view.
import {
  type GlossaryPut,
  type GlossaryTerm,
  glossaryDeleteResponseSchema,
  glossaryListSchema,
  glossaryTermSchema,
} from '../../shared/api/glossary.ts';
import type { Connection } from './connection.ts';
import { callServer, type ServerReply } from './translate-client.ts';

export function cityGlossaryOnServer(connection: Connection): Promise<ServerReply<GlossaryTerm[]>> {
  return callServer(connection, '/api/glossary', (b) => glossaryListSchema.parse(b).terms);
}

/** Creates or replaces the city's term `id` (201 or 200 alike: the stored term comes back). */
export function putGlossaryTermOnServer(
  connection: Pick<Connection, 'server' | 'token'>,
  id: string,
  body: GlossaryPut,
): Promise<ServerReply<GlossaryTerm>> {
  return callServer(
    connection,
    `/api/glossary/${encodeURIComponent(id)}`,
    (b) => glossaryTermSchema.parse(b),
    {
      method: 'PUT',
      body,
    },
  );
}

export function deleteGlossaryTermOnServer(
  connection: Pick<Connection, 'server' | 'token'>,
  id: string,
): Promise<ServerReply<{ deleted: string }>> {
  return callServer(
    connection,
    `/api/glossary/${encodeURIComponent(id)}`,
    (b) => glossaryDeleteResponseSchema.parse(b),
    { method: 'DELETE' },
  );
}
