/**
 * The reference page of `npm run bench` (issue 15): the same vite, React and Fluent as the
 * console, a FluentProvider and one Text. The console's figures are ratios to this page's.
 */
import { FluentProvider, Text, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <Text>Blank Fluent page</Text>
  </FluentProvider>,
);
