// The side panel's view of the local library, reloaded whenever any context announces a change.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Highlight } from '../../../shared/schemas/highlight.ts';
import type { IndexedDocument } from '../../../shared/search/match.ts';
import { indexPractice } from '../../features/library-search.ts';
import { highlightsByPractice } from '../../store/all-highlights.ts';
import { onLibraryChange } from '../../store/library-events.ts';
import { type ListedPractice, listPractices, tagsOf } from '../../store/practices.ts';

export interface LibrarySnapshot {
  loaded: boolean;
  /** `contentPending` on those whose page text has not arrived yet (searched by their metadata meanwhile). */
  practices: ListedPractice[];
  highlights: Map<string, Highlight[]>;
  tags: string[];
}

export function useLibrary() {
  const [snapshot, setSnapshot] = useState<LibrarySnapshot>({
    loaded: false,
    practices: [],
    highlights: new Map(),
    tags: [],
  });
  useEffect(() => {
    const load = async () => {
      const [practices, highlights] = await Promise.all([listPractices(), highlightsByPractice()]);
      setSnapshot({ loaded: true, practices, highlights, tags: tagsOf(practices) });
    };
    void load();
    return onLibraryChange(() => void load());
  }, []);
  // Built on the first search after each change, not on every change: listing needs no index.
  const index = useMemo(() => {
    let built: Map<string, IndexedDocument> | null = null;
    return () => {
      built ??= new Map(
        snapshot.practices.map((p) => [p.id, indexPractice(p, snapshot.highlights.get(p.id) ?? [])]),
      );
      return built;
    };
  }, [snapshot]);
  return { ...snapshot, index };
}
