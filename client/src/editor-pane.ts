import type { EditPayload } from '../../src/game/protocol/messages';
import { byId } from './dom';

export type EditOutcome = { action: 'save'; text: string } | { action: 'cancel' };

/** The `kubectl edit` pane over the terminal: a monospace textarea, Ctrl-S / Save, Esc / Cancel. */
export class EditorPane {
  private readonly pane = byId('edit-pane');
  private readonly text = byId<HTMLTextAreaElement>('edit-text');
  private resolve: ((outcome: EditOutcome) => void) | null = null;

  constructor() {
    byId('edit-save').addEventListener('click', () => this.finish({ action: 'save', text: this.text.value }));
    byId('edit-cancel').addEventListener('click', () => this.finish({ action: 'cancel' }));
    this.pane.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        this.finish({ action: 'save', text: this.text.value });
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.finish({ action: 'cancel' });
      } else if (e.key === 'Tab' && !e.shiftKey && document.activeElement === this.text) {
        // YAML wants spaces; Tab inserts two instead of leaving the editor.
        e.preventDefault();
        this.text.setRangeText('  ', this.text.selectionStart, this.text.selectionEnd, 'end');
      }
    });
  }

  get open(): boolean {
    return !this.pane.hidden;
  }

  edit(request: EditPayload): Promise<EditOutcome> {
    this.resolve?.({ action: 'cancel' });
    byId('edit-path').textContent = request.path;
    this.text.value = request.text;
    this.pane.hidden = false;
    this.text.focus();
    this.text.setSelectionRange(0, 0);
    return new Promise((resolve) => (this.resolve = resolve));
  }

  private finish(outcome: EditOutcome): void {
    const resolve = this.resolve;
    this.resolve = null;
    this.pane.hidden = true;
    resolve?.(outcome);
  }
}
