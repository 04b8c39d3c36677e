/** A status line at the bottom of the popup (polite live region) with an optional action such as Undo. */
export interface ToastState {
  text: string;
  action?: { label: string; run: () => void };
}

export function Toast({ toast }: { toast: ToastState | null }) {
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {toast ? (
        <div class="toast">
          <span>{toast.text}</span>
          {toast.action ? (
            <button type="button" class="link" onClick={toast.action.run}>
              {toast.action.label}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
