import { Button } from '@fluentui/react-components';
import { WeatherMoonRegular, WeatherSunnyRegular } from '@fluentui/react-icons';
import { useThemeActions, useThemeMode } from '../theme-store';
import { LazyTooltip } from './lazy-tooltip';

/** Switches between Fluent's light and dark web themes. */
export function ThemeToggle() {
  const mode = useThemeMode();
  const { toggle } = useThemeActions();
  const label = mode === 'dark' ? 'Switch to light theme' : 'Switch to dark theme';
  return (
    <LazyTooltip content={label} relationship="label">
      <Button
        appearance="subtle"
        aria-label={label}
        icon={mode === 'dark' ? <WeatherSunnyRegular /> : <WeatherMoonRegular />}
        onClick={toggle}
      />
    </LazyTooltip>
  );
}
