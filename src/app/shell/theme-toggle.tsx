import { Button, Tooltip } from '@fluentui/react-components';
import { WeatherMoonRegular, WeatherSunnyRegular } from '@fluentui/react-icons';
import { useThemeActions, useThemeMode } from '../theme-store';

/** Switches between Fluent's light and dark web themes. */
export function ThemeToggle() {
  const mode = useThemeMode();
  const { toggle } = useThemeActions();
  const label = mode === 'dark' ? 'Switch to light theme' : 'Switch to dark theme';
  return (
    <Tooltip content={label} relationship="label">
      <Button
        appearance="subtle"
        icon={mode === 'dark' ? <WeatherSunnyRegular /> : <WeatherMoonRegular />}
        onClick={toggle}
      />
    </Tooltip>
  );
}
