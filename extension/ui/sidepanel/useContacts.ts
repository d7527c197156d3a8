import { useEffect, useState } from 'preact/hooks';
import type { Stakeholder } from '../../../shared/schemas/stakeholder.ts';
import { onLibraryChange } from '../../store/library-events.ts';
import { listStakeholders } from '../../store/stakeholders.ts';

/** The city's live contacts in this browser, reloaded on every library change. */
export function useContacts(): { loaded: boolean; contacts: Stakeholder[] } {
  const [state, setState] = useState<{ loaded: boolean; contacts: Stakeholder[] }>({
    loaded: false,
    contacts: [],
  });
  useEffect(() => {
    const load = () => void listStakeholders().then((contacts) => setState({ loaded: true, contacts }));
    load();
    return onLibraryChange(load);
  }, []);
  return state;
}
