import {
  Menu,
  MenuButton,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { useState } from 'react';

export type FilterMenuProps<T extends string> = {
  /** The filter's name, on its button and as the menu's label. */
  label: string;
  /** The values the analyst can pick, in the order they are listed. */
  options: readonly T[];
  optionLabel: (value: T) => string;
  selected: readonly T[];
  /** Called once when the menu closes, if the ticked values changed. */
  onChange: (selected: T[]) => void;
};

const sameValues = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v) => b.includes(v));

/**
 * A filter button whose menu ticks any number of values; the button shows how many are ticked.
 * The choice applies when the menu closes: one query and one history entry for one decision,
 * and the grid is not rebuilt under an open menu.
 */
export function FilterMenu<T extends string>({
  label,
  options,
  optionLabel,
  selected,
  onChange,
}: FilterMenuProps<T>) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<readonly T[]>(selected);
  const shown = open ? draft : selected;

  return (
    <Menu
      checkedValues={{ [label]: [...shown] }}
      open={open}
      persistOnItemClick
      onCheckedValueChange={(_, data) =>
        setDraft(options.filter((o) => data.checkedItems.includes(o)))
      }
      onOpenChange={(_, data) => {
        if (data.open) setDraft(selected);
        else if (!sameValues(draft, selected)) onChange([...draft]);
        setOpen(data.open);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <MenuButton appearance={selected.length > 0 ? 'primary' : 'secondary'}>
          {selected.length > 0 ? `${label} (${selected.length})` : label}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList aria-label={label}>
          {options.map((value) => (
            <MenuItemCheckbox key={value} name={label} value={value}>
              {optionLabel(value)}
            </MenuItemCheckbox>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
