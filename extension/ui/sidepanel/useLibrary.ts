// The side panel's view of the local library, reloaded whenever any context announces a change, and during a
// first sync grown page by page from what the pull stored (store/pulled-practices.ts). The list
// is read without the page texts (a first sync of thousands of practices is listed as soon as it is pulled);
// the texts are read only once a search needs them, then with every reload, and the index is rebuilt with
// them when they arrive.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Highlight } from '../../../shared/schemas/highlight.ts';
import type { IndexedDocument } from '../../../shared/search/match.ts';
import { indexPractice } from '../../features/library-search.ts';
import { highlightsByPractice } from '../../store/all-highlights.ts';
import { onLibraryChange } from '../../store/library-events.ts';
import { type ListedPractice, listPractices, practiceTexts, tagsOf } from '../../store/practices.ts';
import { mergePulled, onPulledPractices, type PulledPractices } from '../../store/pulled-practices.ts';

export interface LibrarySnapshot {
  loaded: boolean;
  /** Without their page texts (practiceText(id) reads one). */
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
  /** The page texts that have arrived, once a search asked for them (null before). */
  const [texts, setTexts] = useState<Map<string, string> | null>(null);
  const textsWanted = useRef(false);
  useEffect(() => {
    let current = 0;
    // A first sync's pages merged into the list, and those heard while a load was reading: its answer may
    // predate them, so they are merged into it again (merging is idempotent, later copies win).
    const merged = new Set<number>();
    let heardDuringLoad: PulledPractices[] | null = null;
    const load = async () => {
      const run = ++current;
      heardDuringLoad = [];
      const [stored, highlights] = await Promise.all([listPractices(), highlightsByPractice()]);
      if (run !== current) return;
      const practices = heardDuringLoad.reduce(mergePulled, stored);
      heardDuringLoad = null;
      setSnapshot({ loaded: true, practices, highlights, tags: tagsOf(practices) });
      if (textsWanted.current) {
        const loaded = await practiceTexts();
        if (run === current) setTexts(loaded);
      }
    };
    void load();
    // Pages that arrive between two frames are merged together, and the list drawn once for them.
    let waiting: PulledPractices[] = [];
    let frame = 0;
    const flush = () => {
      const pages = waiting;
      waiting = [];
      setSnapshot((s) => {
        const practices = pages.reduce(mergePulled, s.practices);
        return { ...s, loaded: true, practices, tags: tagsOf(practices) };
      });
    };
    const stopPulled = onPulledPractices((pulled) => {
      merged.add(pulled.page);
      heardDuringLoad?.push(pulled);
      if (waiting.push(pulled) === 1) frame = requestAnimationFrame(flush);
    });
    const stopChanges = onLibraryChange((change) => {
      // The end of a first sync whose every page this list merged, with nothing else changed: the list is
      // what a reload would read (10,000 practices read back while the member is waiting, on the bench).
      const told = change.pages?.length && change.pages.every((page) => merged.has(page));
      if (told && change.ids.length === 0) return;
      void load();
    });
    return () => {
      cancelAnimationFrame(frame);
      stopPulled();
      stopChanges();
    };
  }, []);
  // Built on the first search after each change, not on every change: listing needs no index.
  const index = useMemo(() => {
    let built: Map<string, IndexedDocument> | null = null;
    return () => {
      if (!textsWanted.current) {
        // First search: index by everything but the texts now, and again once they are read.
        textsWanted.current = true;
        void practiceTexts().then(setTexts);
      }
      built ??= new Map(
        snapshot.practices.map((p) => [
          p.id,
          indexPractice(p, snapshot.highlights.get(p.id) ?? [], texts?.get(p.id) ?? ''),
        ]),
      );
      return built;
    };
  }, [snapshot, texts]);
  return { ...snapshot, index };
}
