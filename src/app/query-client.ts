import { QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { isTransientError } from '@/api/http';

/** The app's QueryClient: short staleness (other analysts change incidents), retry only transient failures. */
export function createQueryClient(overrides: DefaultOptions = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      ...overrides,
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) => failureCount < 2 && isTransientError(error),
        ...overrides.queries,
      },
      mutations: { retry: false, ...overrides.mutations },
    },
  });
}
