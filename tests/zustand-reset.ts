/**
 * Resettable zustand stores for tests (zustand's testing guide): every store created while a
 * test file runs remembers its initial state, and `resetAllStores()` puts them all back.
 */
import type * as Zustand from 'zustand';
import type { StateCreator, StoreApi } from 'zustand';

const resets = new Set<() => void>();

function remember<S>(store: StoreApi<S>): void {
  const initial = store.getInitialState();
  resets.add(() => store.setState(initial, true));
}

/** Wraps zustand's `create` and `createStore` so each store can be reset. */
export function withResettableStores(actual: typeof Zustand): typeof Zustand {
  const createUncurried = <S>(creator: StateCreator<S>) => {
    const hook = actual.create(creator);
    remember(hook);
    return hook;
  };
  const create = (<S>(creator?: StateCreator<S>) =>
    creator ? createUncurried(creator) : createUncurried) as typeof actual.create;

  const createStoreUncurried = <S>(creator: StateCreator<S>) => {
    const store = actual.createStore(creator);
    remember(store);
    return store;
  };
  const createStore = (<S>(creator?: StateCreator<S>) =>
    creator ? createStoreUncurried(creator) : createStoreUncurried) as typeof actual.createStore;

  return { ...actual, create, createStore };
}

/** Puts every store back to its initial state (call after unmounting, between tests). */
export function resetAllStores(): void {
  for (const reset of resets) reset();
}
