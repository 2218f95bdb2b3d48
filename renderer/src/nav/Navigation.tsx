import { useRef } from 'react';
import type { ToggleEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navGroups } from './screens';
import type { NavGroupId, Screen } from './screens';

interface Props {
  screens: readonly Screen[];
  shown: Screen | undefined;
  onOpen: (screen: Screen) => void;
}

/**
 * The till's screens as tabs; the back office's and the devices' as one menu button each,
 * labelled with the screen open in them. `data-nav-for` lists the screens an entry leads to.
 */
export function Navigation({ screens, shown, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="tabs" data-testid="nav">
      {navGroups.map((group) => {
        const inGroup = group.screens.filter((s) => screens.includes(s));
        if (inGroup.length === 0) return null;
        if (group.id === 'till') {
          return inGroup.map((s) => (
            <button
              key={s}
              type="button"
              className={s === shown ? 'tab active' : 'tab'}
              aria-current={s === shown ? 'page' : undefined}
              onClick={() => onOpen(s)}
              data-testid={`nav-${s}`}
              data-nav-for={s}
            >
              {t(`nav.${s}`)}
            </button>
          ));
        }
        return (
          <NavMenu
            key={group.id}
            group={group.id}
            screens={inGroup}
            shown={shown}
            onOpen={onOpen}
          />
        );
      })}
    </nav>
  );
}

function NavMenu({
  group,
  screens,
  shown,
  onOpen,
}: {
  group: NavGroupId;
  screens: readonly Screen[];
  shown: Screen | undefined;
  onOpen: (screen: Screen) => void;
}) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = `nav-menu-${group}`;
  const current = screens.find((s) => s === shown);
  // A popover sits in the top layer: placed under its button when it opens.
  const place = (event: ToggleEvent<HTMLDivElement>) => {
    if (event.newState !== 'open' || !button.current || !menu.current) return;
    const box = button.current.getBoundingClientRect();
    menu.current.style.top = `${String(box.bottom + 4)}px`;
    menu.current.style.left = `${String(Math.min(box.left, window.innerWidth - 240))}px`;
    menu.current.querySelector<HTMLButtonElement>('button')?.focus();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className={current ? 'tab nav-group active' : 'tab nav-group'}
        popoverTarget={id}
        aria-haspopup="menu"
        data-testid={`nav-group-${group}`}
        data-nav-for={screens.join(' ')}
      >
        {t(`nav.group.${group}`)}
        {current && `: ${t(`nav.${current}`)}`} ▾
      </button>
      <div ref={menu} id={id} popover="auto" className="nav-menu" role="menu" onToggle={place}>
        {screens.map((s) => (
          <button
            key={s}
            type="button"
            role="menuitem"
            className={s === shown ? 'nav-menu-item active' : 'nav-menu-item'}
            aria-current={s === shown ? 'page' : undefined}
            onClick={() => {
              menu.current?.hidePopover();
              onOpen(s);
            }}
            data-testid={`nav-${s}`}
          >
            {t(`nav.${s}`)}
          </button>
        ))}
      </div>
    </>
  );
}
