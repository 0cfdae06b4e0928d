import { QueryClient } from '@tanstack/react-query';

/** Shared with the auth provider so a sign-in or sign-out drops the previous user's cached answers. */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: false } },
});
