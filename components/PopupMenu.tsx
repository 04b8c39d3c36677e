/**
 * The popup header's menu (a button named "Menu"): the routes that used to need a right-click on the toolbar icon.
 * A WAI-ARIA menu button: Enter, Space or ↓ opens it on its first item, ↑/↓/Home/End move, Esc closes it and
 * returns to the button, Tab or a click elsewhere closes it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from './i18n';
import { MenuIcon } from './icons';

export interface MenuItem {
  label: string;
  run: () => void;
}

export function PopupMenu({ items }: { items: MenuItem[] }) {
  const t = useT();
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const entries = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];

  useEffect(() => {
    if (!open) return;
    const all = entries();
    (open === 'last' ? all[all.length - 1] : all[0])?.focus();
    const outside = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) button.current?.focus();
  }

  function onMenuKey(event: KeyboardEvent) {
    const all = entries();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      all[(index + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') close(false);
  }

  return (
    <div class="menu-wrap">
      <button
        ref={button}
        type="button"
        class="icon-text quiet"
        aria-label={t('button_menu')}
        title={t('button_menu')}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? 'popup-menu' : undefined}
        onClick={() => setOpen(open ? false : 'first')}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          setOpen(event.key === 'ArrowUp' ? 'last' : 'first');
        }}
      >
        <MenuIcon />
      </button>
      {open ? (
        <div
          id="popup-menu"
          class="menu"
          role="menu"
          aria-label={t('button_menu')}
          ref={menu}
          onKeyDown={onMenuKey}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                close(false);
                item.run();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
