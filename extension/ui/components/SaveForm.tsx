// A form that saves on submit and on Ctrl/⌘+Enter from any field. The focused field is blurred first so
// that what commits on blur (a half-typed tag or contact) lands before the save.
import type { ComponentChildren } from 'preact';

export function SaveForm({ onSave, children }: { onSave: () => void; children: ComponentChildren }) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          (document.activeElement as HTMLElement | null)?.blur();
          setTimeout(onSave, 0);
        }
      }}
    >
      {children}
    </form>
  );
}
