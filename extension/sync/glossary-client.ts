// The city's own glossary terms (GET /api/glossary): labels in the city's language for the built-in ICC
// concepts, and the city's own terms. Read for the translation view's hints; shared by the whole city.
import { type GlossaryTerm, glossaryListSchema } from '../../shared/api/glossary.ts';
import type { Connection } from './connection.ts';
import { callServer, type ServerReply } from './translate-client.ts';

export function cityGlossaryOnServer(connection: Connection): Promise<ServerReply<GlossaryTerm[]>> {
  return callServer(connection, '/api/glossary', (b) => glossaryListSchema.parse(b).terms);
}
