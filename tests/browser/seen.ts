import { waitFor } from '@testing-library/react';
import { expect } from 'vitest';

/**
 * Waits until `element` can be seen. In Chromium a drawer, a dialog or what a dialog shows next
 * is in the page (and found) a frame or more before it is drawn: until its first frame, its
 * opening motion holds it transparent, even with reduced motion, and on a busy machine that
 * frame can be late.
 */
export async function expectSeen(element: HTMLElement) {
  await waitFor(() => expect(element).toBeVisible());
}
