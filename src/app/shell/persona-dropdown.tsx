import { Caption1, Dropdown, Label, Option, useId } from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { personaQueries } from '@/api/personas/persona-queries';
import { useSessionUpn } from '@/api/session-store';
import { ROLE_LABELS, type Persona } from '@/domain/identity';
import { sourceLabel } from '@/domain/sources';
import { switchPersona } from '../persona';
import { usePersonaSwitcherStyles } from './persona-switcher.styles';

function describeAccess(persona: Persona): string {
  const role = ROLE_LABELS[persona.role];
  if (persona.sources === 'all') return role;
  return `${role} · ${persona.sources.map(sourceLabel).join(', ')} only`;
}

/** Picks who the console acts as (mock mode): the token changes and every query reloads. Lazy: see persona-switcher.tsx. */
export function PersonaDropdown() {
  const styles = usePersonaSwitcherStyles();
  const labelId = useId('persona-label');
  const queryClient = useQueryClient();
  const upn = useSessionUpn();
  const personas = useQuery(personaQueries.all());
  const current = personas.data?.value.find((p) => p.upn.toLowerCase() === upn.toLowerCase());

  return (
    <div className={styles.root}>
      <Label className={styles.label} id={labelId}>
        Persona
      </Label>
      <Dropdown
        aria-labelledby={labelId}
        className={styles.dropdown}
        disabled={!personas.data}
        listbox={{ className: styles.listbox }}
        placeholder={personas.isError ? upn : 'Loading personas…'}
        selectedOptions={[upn]}
        title={personas.isError ? `Personas unavailable: ${personas.error.message}` : undefined}
        value={current?.displayName ?? (personas.data ? upn : '')}
        onOptionSelect={(_, data) => {
          if (data.optionValue && data.optionValue !== upn) {
            void switchPersona(queryClient, data.optionValue);
          }
        }}
      >
        {personas.data?.value.map((persona) => (
          <Option key={persona.upn} text={persona.displayName} value={persona.upn}>
            <div className={styles.option}>
              <span>{persona.displayName}</span>
              <Caption1 className={styles.role}>{describeAccess(persona)}</Caption1>
            </div>
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}
