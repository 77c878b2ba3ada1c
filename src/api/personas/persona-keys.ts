/** Query keys of the mock's personas and directory. */
export const personaKeys = {
  all: ['personas'] as const,
};
