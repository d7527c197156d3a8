// Tells every open extension page (side panel, popup, options) and the background that the library changed,
// so lists refresh without polling. BroadcastChannel reaches all contexts of the extension's origin.
const channelName = 'icc-library-changes';

export interface LibraryChange {
  kind: 'practice' | 'highlight' | 'stakeholder' | 'snippet';
  ids: string[];
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
