// Tells every open extension page (side panel, popup, options) and the background that the library changed,
// so lists refresh without polling. BroadcastChannel reaches all contexts of the extension's origin.
const channelName = 'icc-library-changes';

export interface LibraryChange {
  kind: 'practice' | 'highlight' | 'stakeholder' | 'snippet';
  ids: string[];
  /**
   * A first sync's pull pages whose practices changed too (not in `ids`), already told page by page
   * (store/pulled-practices.ts): an open page that merged every one of them, and has no id to reload, need
   * not read the library again.
   */
  pages?: number[];
}

export function announceLibraryChange(change: LibraryChange): void {
  const channel = new BroadcastChannel(channelName);
  channel.postMessage(change);
  channel.close();
}

export function onLibraryChange(listener: (change: LibraryChange) => void): () => void {
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = (event: MessageEvent<LibraryChange>) => listener(event.data);
  return () => channel.close();
}
