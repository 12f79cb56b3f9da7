// The palette's own Spotlight store: the header button opens it, the lazily loaded palette draws
// it, and the palette can select its first action after asynchronous results arrive (Mantine 8.3
// selects it only when the query changes, before the customer results exist).
import { createSpotlight, type SpotlightStore } from '@mantine/spotlight';

export const [paletteStore, palette] = createSpotlight();

function actionsList(store: SpotlightStore): HTMLElement | null {
  const { listId } = store.getState();
  return listId ? document.getElementById(listId) : null;
}

/** What Spotlight's own selectAction(0) does: mark the first action and remember its index. */
export function selectFirstAction(store: SpotlightStore): void {
  const list = actionsList(store);
  if (!list) return;
  list.querySelector('[data-selected]')?.removeAttribute('data-selected');
  const first = list.querySelector<HTMLElement>('[data-action]');
  first?.setAttribute('data-selected', 'true');
  store.setState({ ...store.getState(), selected: first ? 0 : -1 });
}

/** Unmarks the selected action, so Spotlight's own Enter handling finds nothing to open. */
export function clearSelection(store: SpotlightStore): void {
  actionsList(store)?.querySelector('[data-selected]')?.removeAttribute('data-selected');
  store.setState({ ...store.getState(), selected: -1 });
}

/** Opens the selected action, as Enter does. */
export function triggerSelectedAction(store: SpotlightStore): void {
  actionsList(store)?.querySelector<HTMLElement>('[data-selected]')?.click();
}
