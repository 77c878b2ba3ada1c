import { Button } from '@fluentui/react-components';
import { WeatherMoonRegular, WeatherSunnyRegular } from '@fluentui/react-icons';
import { Suspense } from 'react';
import { preloadable } from '../preloadable';
import { useThemeActions, useThemeMode } from '../theme-store';

// The Tooltip (and the positioning engine under it) is its own chunk, fetched while the app boots;
// until it is in, the button carries the same accessible name as an aria-label.
const tooltip = preloadable(
  async () => (await import('./theme-toggle-tooltip')).ThemeToggleTooltip,
);
tooltip.preload();

/** Switches between Fluent's light and dark web themes. */
export function ThemeToggle() {
  const mode = useThemeMode();
  const { toggle } = useThemeActions();
  const label = mode === 'dark' ? 'Switch to light theme' : 'Switch to dark theme';
  const button = (
    <Button
      appearance="subtle"
      aria-label={label}
      icon={mode === 'dark' ? <WeatherSunnyRegular /> : <WeatherMoonRegular />}
      onClick={toggle}
    />
  );
  return (
    <Suspense fallback={button}>
      <tooltip.Component label={label}>{button}</tooltip.Component>
    </Suspense>
  );
}
