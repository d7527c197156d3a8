import type { ComponentChildren } from 'preact';

export type NoticeTone = 'info' | 'ok' | 'warn' | 'error';

/** A status line; errors are announced assertively to screen readers, the rest politely. */
export function Notice({ tone, children }: { tone: NoticeTone; children: ComponentChildren }) {
  return (
    <div class={`notice ${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-tone={tone}>
      {children}
    </div>
  );
}
