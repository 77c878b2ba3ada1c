import { useMutation, useQueryClient } from '@tanstack/react-query';
import { resetDemoData } from '@/api/demo/demo-api';

/** Restores the seeded demo data, then refetches everything (pending until the refetch lands). */
export function useResetDemoData() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['demo', 'reset'],
    mutationFn: resetDemoData,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
