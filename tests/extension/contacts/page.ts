// Test helper: a linkedom Document from an HTML body.
import { parseHTML } from 'linkedom';

export function parseBody(body: string, head = ''): Document {
  return parseHTML(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`)
    .document as unknown as Document;
}
