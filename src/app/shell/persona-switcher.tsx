import { Button, Label } from '@fluentui/react-components';
import { ChevronDownRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { personaQueries } from '@/api/personas/persona-queries';
import { useSessionUpn } from '@/api/session-store';
import { preloadable } from '../preloadable';
import { usePersonaPlaceholderStyles, usePersonaSwitcherStyles } from './persona-switcher.styles';

// The Dropdown (combobox, listbox, positioning) is its own chunk, fetched as soon as the app
// boots: the first paint does not wait for it.
const personaDropdown = preloadable(
  async () => (await import('./persona-dropdown')).PersonaDropdown,
);

/** Starts fetching the persona dropdown's chunk. */
export const preloadPersonaSwitcher = personaDropdown.preload;

/** Until the dropdown has loaded: the same label and a disabled button of the same size. */
function PersonaPlaceholder() {
  const styles = usePersonaSwitcherStyles();
  const placeholder = usePersonaPlaceholderStyles();
  const upn = useSessionUpn();
  const personas = useQuery(personaQueries.all());
  const current = personas.data?.value.find((p) => p.upn.toLowerCase() === upn.toLowerCase());
  return (
    <div aria-busy className={styles.root}>
      <Label className={styles.label}>Persona</Label>
      <Button
        disabled
        appearance="outline"
        className={placeholder.button}
        icon={<ChevronDownRegular />}
        iconPosition="after"
      >
        {current?.displayName ?? upn}
      </Button>
    </div>
  );
}

/** Picks who the console acts as (mock mode); see persona-dropdown.tsx. */
export function PersonaSwitcher() {
  return (
    <Suspense fallback={<PersonaPlaceholder />}>
      <personaDropdown.Component />
    </Suspense>
  );
}
